import type { Model } from './model.ts';
import { reinsertBest } from './search.ts';
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

/**
 * The search's starting point: required meetings first, then heaviest, then those with the
 * fewest possible slots, each where it adds the fewest breaks, interpreters re-matched.
 */
export function construct(model: Model, state: State): State {
  const order = Array.from({ length: model.M }, (_, m) => m).filter((m) => state.slotOf[m] < 0);
  order.sort(
    (x, y) =>
      model.required[y] - model.required[x] ||
      model.weight[y] - model.weight[x] ||
      model.cand[x].length - model.cand[y].length ||
      x - y,
  );
  for (const m of order) reinsertBest(state, m);
  state.journal.length = 0;
  return state;
}
