// The types of ./server-contract.cjs: each place on globalThis is its own symbol, so that a holder's type can name it.
export declare const RENDER_HEADER: "x-portal-render";
export declare const PEER_HEADER: "x-portal-peer";
export declare const FILL_HEADER: "x-portal-document-fill";
export declare const SERVER_HOOKS: unique symbol;
export declare const LIFECYCLE: unique symbol;
export declare const LOCAL_ADDRESS: unique symbol;
export declare const FILL_SECRET: unique symbol;
export declare const NOT_FOUND_MARKS: unique symbol;
export declare const NOT_FOUND_STATUS_MARKS: unique symbol;
export declare const ADMISSION: unique symbol;
