/**
 * CPU time spent during a bench's run, from /proc (Linux): per thread of the portal's process,
 * this process (the bench's client), and the whole machine. It says which core-bound part a run
 * is limited by: a Node process answers on one main thread, so once that thread is busy all the
 * run, its time per request is what sets the throughput.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

import { median } from "./stats";

/** Clock ticks per second of /proc's times (`getconf CLK_TCK`; 100 on Linux when it cannot be asked). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User plus system time of one /proc stat line, in ms. Fields 14 and 15, after the command's parentheses. */
function statMs(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** The whole machine's busy and total time so far (the first line of /proc/stat), in ms of all cores. */
function machineMs(): { busy: number; total: number } {
  const fields = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle and iowait
  return { busy: ((total - idle) * 1000) / TICKS_PER_SECOND, total: (total * 1000) / TICKS_PER_SECOND };
}

export interface CpuSnapshot {
  at: number;
  /** CPU ms per thread of the portal's process, by thread id (the main thread's id is the process's). */
  threads: Map<number, number>;
  client: NodeJS.CpuUsage;
  machine: { busy: number; total: number };
}

/** CPU times now: every thread of `pid`, this process, the machine. */
export function cpuSnapshot(pid: number): CpuSnapshot {
  const threads = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      threads.set(Number(tid), statMs(readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8")));
    } catch {
      // the thread ended meanwhile
    }
  }
  return { at: performance.now(), threads, client: process.cpuUsage(), machine: machineMs() };
}

export interface CpuDuringRun {
  seconds: number;
  cores: number;
  /** The portal's main thread: CPU ms, and the share of the run it was busy. */
  mainThreadMs: number;
  mainThreadBusyShare: number;
  /** The portal's other threads (its database thread, V8's helpers, libuv's pool), and the busiest of them. */
  otherThreadsMs: number;
  busiestOtherThreadMs: number;
  /** This process: the load's client. */
  clientMs: number;
  /** Every process on the machine (the simulator and anything else running too), and its share of all cores. */
  machineBusyMs: number;
  machineBusyShare: number;
}

/**
 * What `pid`'s threads, this process and the machine spent between two snapshots. A thread that
 * ended between them is not in the second and its time is not counted (Node's threads live as long
 * as the process: its main thread, the database's worker, V8's and libuv's pools).
 */
export function cpuBetween(pid: number, before: CpuSnapshot, after: CpuSnapshot): CpuDuringRun {
  const seconds = (after.at - before.at) / 1000;
  const spent = [...after.threads].map(([tid, ms]) => ({ tid, ms: ms - (before.threads.get(tid) ?? 0) }));
  const main = spent.find((thread) => thread.tid === pid)?.ms ?? 0;
  const others = spent.filter((thread) => thread.tid !== pid).map((thread) => thread.ms);
  const client = process.cpuUsage(before.client);
  const machineBusy = after.machine.busy - before.machine.busy;
  const machineTotal = after.machine.total - before.machine.total;
  const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
  return {
    seconds: round(seconds, 1),
    cores: os.availableParallelism(),
    mainThreadMs: round(main),
    mainThreadBusyShare: round(main / (seconds * 1000), 3),
    otherThreadsMs: round(others.reduce((sum, ms) => sum + ms, 0)),
    busiestOtherThreadMs: round(Math.max(0, ...others)),
    clientMs: round((client.user + client.system) / 1000),
    machineBusyMs: round(machineBusy),
    machineBusyShare: round(machineTotal > 0 ? machineBusy / machineTotal : 0, 3),
  };
}

/**
 * What the machine could answer at a run's cost per request: the whole machine's CPU per completed
 * request (every process: the portal, the simulator, the load's client) spread over all its cores
 * busy for the whole run, beside a reference's throughput and a goal of `goal` times it. It assumes
 * the cost per request stays what it was at the run's load; a goal above this ceiling needs cheaper
 * requests, not a better use of the cores.
 */
export interface MachineCeiling {
  /** The whole machine's CPU per completed request in the run, ms. */
  machineMsPerRequest: number;
  cores: number;
  /** Requests per second with every core busy all the time at that cost. */
  maxPerSecond: number;
  /** The reference's throughput (the median of its runs) and the ceiling as a multiple of it. */
  referencePerSecond: number;
  ceilingRatio: number;
  /** The goal's throughput, and the most the whole machine may spend per request to reach it, ms. */
  goalPerSecond: number;
  msPerRequestForGoal: number;
}

export function machineCeiling(
  cpu: CpuDuringRun,
  requests: number,
  reference: { perSecond: number[]; goal: number },
): MachineCeiling {
  const machineMsPerRequest = cpu.machineBusyMs / Math.max(1, requests);
  const maxPerSecond = (cpu.cores * 1000) / Math.max(1e-9, machineMsPerRequest);
  const referencePerSecond = median(reference.perSecond);
  const goalPerSecond = reference.goal * referencePerSecond;
  return {
    machineMsPerRequest,
    cores: cpu.cores,
    maxPerSecond,
    referencePerSecond,
    ceilingRatio: maxPerSecond / referencePerSecond,
    goalPerSecond,
    msPerRequestForGoal: (cpu.cores * 1000) / Math.max(1e-9, goalPerSecond),
  };
}

/** The reference build's throughputs of a `bench:load` comparison, and its goal, as `machineCeiling` takes them. */
export function referenceThroughputs(reference: {
  runs: Array<{ which: string; throughputPerSecond: number }>;
  goal: number;
}): { perSecond: number[]; goal: number } {
  return {
    perSecond: reference.runs.filter((run) => run.which === "reference").map((run) => run.throughputPerSecond),
    goal: reference.goal,
  };
}
