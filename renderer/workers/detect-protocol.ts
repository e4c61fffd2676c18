/**
 * What a personal-data detection request and its reply carry, and how one is answered: by each
 * detection worker (./detect.worker.ts) and by the pool's in-thread member (./detect-pool.ts).
 */
import { detectEach } from '../../shared/import/pii-scan';
import type { PiiFinding } from '../../shared/privacy/detect';

export interface DetectRequest {
  texts: readonly string[];
  allowList?: string[];
}
export type DetectReply = { found: PiiFinding[][] } | { error: string };

/** Answer a detection request (the body of each detection worker, and of the in-thread member). */
export async function answerDetect(req: DetectRequest): Promise<DetectReply> {
  try {
    return { found: detectEach(req.texts, req.allowList) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

