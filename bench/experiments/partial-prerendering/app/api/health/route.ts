import { connection } from "next/server";

/** A trivial dynamic response: the 100 % of the shares. */
export async function GET() {
  await connection();
  return Response.json({ status: "ok" });
}
