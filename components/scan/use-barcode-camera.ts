"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import type { DecodedBarcode, ScanFormat } from "@/lib/scan/zxing-decoder";

/** The state of the camera, each said in words on the page. */
export type CameraState = "off" | "starting" | "on" | "denied" | "absent" | "failed";

/** Which code reads the frames: the browser's own BarcodeDetector, or ZXing where there is none. */
export type DecoderKind = "native" | "zxing";

const FORMATS: ScanFormat[] = ["ean_13", "ean_8", "upc_a", "code_128"];
/** Pause between two looks at the picture, in milliseconds: enough for a phone to stay cool. */
const FRAME_INTERVAL = 120;
/** Frames are scaled down to this width before ZXing reads them. */
const MAX_DECODE_WIDTH = 960;

interface NativeDetector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string; format: string }[]>;
}
interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats(): Promise<string[]>;
}

type FrameReader = (video: HTMLVideoElement) => Promise<DecodedBarcode | null>;

async function nativeReader(): Promise<FrameReader | null> {
  const Detector = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    const supported = await Detector.getSupportedFormats();
    const formats = FORMATS.filter((format) => supported.includes(format));
    if (!formats.includes("ean_13")) return null;
    const detector = new Detector({ formats });
    return async (video) => {
      const [found] = await detector.detect(video);
      return found ? { text: found.rawValue, format: found.format as ScanFormat } : null;
    };
  } catch {
    return null;
  }
}

async function zxingReader(): Promise<FrameReader> {
  const { createZxingDecoder, rgbaToLuminance } = await import("@/lib/scan/zxing-decoder");
  const decoder = createZxingDecoder();
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  return async (video) => {
    if (!context || !video.videoWidth) return null;
    const scale = Math.min(1, MAX_DECODE_WIDTH / video.videoWidth);
    const width = Math.round(video.videoWidth * scale);
    const height = Math.round(video.videoHeight * scale);
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    context.drawImage(video, 0, 0, width, height);
    const { data } = context.getImageData(0, 0, width, height);
    return decoder.decode(rgbaToLuminance(data, width, height), width, height);
  };
}

function stateOfError(error: unknown): CameraState {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "denied";
  if (name === "NotFoundError" || name === "OverconstrainedError" || name === "NotReadableError") return "absent";
  return "failed";
}

/** Whether this document may use the camera at all (Permissions-Policy allows it on /scan only). */
function cameraAllowedByPolicy(): boolean {
  const policy = (document as { featurePolicy?: { allowsFeature(feature: string): boolean } }).featurePolicy;
  return policy ? policy.allowsFeature("camera") : true;
}

/**
 * The rear camera, read for barcodes several times a second while it is on.
 * Stops its tracks when switched off, when the page is hidden or left, and on unmount.
 */
export function useBarcodeCamera(onRead: (code: string) => void) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>("off");
  const [decoder, setDecoder] = useState<DecoderKind | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const runRef = useRef(0);
  const onReadRef = useRef(onRead);
  const resumeRef = useRef(false);

  useEffect(() => {
    onReadRef.current = onRead;
  }, [onRead]);

  const release = useCallback(() => {
    runRef.current++;
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    for (const track of streamRef.current?.getTracks() ?? []) track.stop();
    streamRef.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
  }, []);

  const start = useCallback(async () => {
    release();
    const run = runRef.current;
    if (!navigator.mediaDevices?.getUserMedia) {
      setState("absent");
      return;
    }
    if (!cameraAllowedByPolicy()) {
      // Reached by a client-side navigation from a page whose policy forbids the camera: load /scan itself once.
      if (!sessionStorage.getItem("scan-reloaded")) {
        sessionStorage.setItem("scan-reloaded", "1");
        window.location.reload();
        return;
      }
      setState("denied");
      return;
    }
    sessionStorage.removeItem("scan-reloaded");
    setState("starting");
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 }, height: { ideal: 720 } },
        audio: false,
      });
    } catch (error) {
      if (run === runRef.current) setState(stateOfError(error));
      return;
    }
    if (run !== runRef.current) {
      for (const track of stream.getTracks()) track.stop();
      return;
    }
    streamRef.current = stream;
    const video = videoRef.current;
    if (!video) return release();
    video.srcObject = stream;
    try {
      await video.play();
    } catch {
      // Autoplay of a muted inline video is allowed; a refusal still leaves frames to read once it plays.
    }
    const native = await nativeReader();
    const read = native ?? (await zxingReader());
    if (run !== runRef.current) return;
    setDecoder(native ? "native" : "zxing");
    setState("on");
    const tick = async () => {
      if (run !== runRef.current) return;
      try {
        if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
          const found = await read(video);
          if (found && run === runRef.current) onReadRef.current(found.text);
        }
      } catch {
        // One unreadable frame is no reason to stop.
      }
      if (run === runRef.current) timerRef.current = setTimeout(tick, FRAME_INTERVAL);
    };
    void tick();
  }, [release]);

  const stop = useCallback(() => {
    resumeRef.current = false;
    release();
    setState("off");
  }, [release]);

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === "hidden" && streamRef.current) {
        release();
        setState("off");
        resumeRef.current = true;
      } else if (document.visibilityState === "visible" && resumeRef.current) {
        resumeRef.current = false;
        void start();
      }
    };
    const onPageHide = () => release();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onPageHide);
      release();
    };
  }, [release, start]);

  return { videoRef, state, decoder, start, stop };
}
