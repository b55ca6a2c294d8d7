import { useCallback, useEffect, useRef, useState } from 'react';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

/** Whether this browser can read QR codes from the camera by itself (Chrome on Android, Edge, Safari 17+…). */
export function cameraScanningSupported(): boolean {
  return typeof window !== 'undefined' && 'BarcodeDetector' in window && Boolean(navigator.mediaDevices?.getUserMedia);
}

/**
 * Continuous QR scanning from the camera: calls `onCode` for every label seen, once per label
 * until another one is seen or two seconds pass, so label after label can be scanned in a row.
 */
export function useCameraScanner(onCode: (code: string) => void) {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [active, setActive] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stop = useRef<() => void>(() => undefined);
  const callback = useRef(onCode);
  callback.current = onCode;

  const start = useCallback(async () => {
    setError(null);
    try {
      const Detector = (window as unknown as { BarcodeDetector: BarcodeDetectorConstructor }).BarcodeDetector;
      const detector = new Detector({ formats: ['qr_code'] });
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      const video = videoRef.current;
      if (!video) return;
      video.srcObject = stream;
      await video.play();
      setActive(true);
      let running = true;
      let last = { code: '', at: 0 };
      const tick = async () => {
        if (!running) return;
        try {
          const [found] = await detector.detect(video);
          const now = Date.now();
          if (found && (found.rawValue !== last.code || now - last.at > 2000)) {
            last = { code: found.rawValue, at: now };
            callback.current(found.rawValue);
          }
        } catch {
          // A frame that cannot be read: try the next one.
        }
        window.setTimeout(() => void tick(), 250);
      };
      void tick();
      stop.current = () => {
        running = false;
        stream.getTracks().forEach((track) => track.stop());
        video.srcObject = null;
        setActive(false);
      };
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, []);

  useEffect(() => () => stop.current(), []);
  return { videoRef, active, error, start, stop: () => stop.current() };
}
