// The latest value of a prop, for callbacks that run later (an animation frame, a DOM event, a
// rebuild) and must keep their identity: a new callback would re-run every effect holding it.
import { type RefObject, useLayoutEffect, useRef } from 'react';

/** A ref holding `value` as of the last commit, set before later layout effects run. */
export function useLatest<T>(value: T): Readonly<RefObject<T>> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
