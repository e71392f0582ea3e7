import type { Model } from './model.ts';
import { State } from './state.ts';

/**
 * The baseline of the issue, first come first served: each request in turn into the earliest
 * slot where both parties, a table and an interpreter are free. No look-ahead, no swapping
 * of interpreters: this is what a hand-run forum desk does.
 * @example greedy(buildModel(problem)).weight
 */
export function greedy(model: Model, state = new State(model)): State {
  const S = model.S;
  for (let m = 0; m < model.M; m++) {
    if (state.slotOf[m] >= 0) continue;
    for (const s of model.cand[m]) {
      if (!state.canPlace(m, s)) continue;
      let interpreter = -1;
      if (model.needs[m]) {
        interpreter =
          model.qual[m].find((i) => model.iAvail[i * S + s] === 1 && state.iOcc[i * S + s] < 0) ?? -1;
        if (interpreter < 0) continue;
      }
      state.assign(m, s, interpreter, false);
      break;
    }
  }
  return state;
}
