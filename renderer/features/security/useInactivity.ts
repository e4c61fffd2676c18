import { useEffect } from 'react';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Call `onIdle` after `minutes` without keyboard, pointer or wheel activity (while `active`). */
export function useInactivity(active: boolean, minutes: number, onIdle: () => void): void {
  useEffect(() => {
    if (!active || !(minutes > 0)) return;
    let timer = setTimeout(onIdle, minutes * 60_000);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, minutes * 60_000);
    };
    for (const e of ACTIVITY) window.addEventListener(e, reset, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, reset, { capture: true });
    };
  }, [active, minutes, onIdle]);
}
