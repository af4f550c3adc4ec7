/**
 * Imported first by every bench: the project's .env files are loaded the way Next loads them, as
 * the start, dev and sync scripts do, so the documented variables win over a bench's defaults.
 */
import { loadDotEnv } from "../../scripts/lib/config.mjs";

loadDotEnv();
