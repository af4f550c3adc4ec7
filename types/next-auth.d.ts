import type { PublicSession, SessionToken } from "@/lib/auth/session-types";

declare module "next-auth" {
  interface Session {
    portal: PublicSession;
  }
  interface User extends SessionToken {
    id: string;
  }
}

declare module "next-auth/jwt" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface JWT extends Partial<SessionToken> {}
}
