import { getEnv } from "@/lib/env";

/** Start-up of the portal's Node process: the configuration is checked before any request is served. */
export async function startServer(): Promise<void> {
  try {
    getEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
