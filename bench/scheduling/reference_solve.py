"""Solves a reference model written by reference.ts with SciPy's HiGHS.

usage: python3 reference_solve.py MODEL.json MIP_LIMIT_S
The model: maximise c·x, lo ≤ A·x ≤ hi (rows are lists of columns with coefficient 1), 0 ≤ x ≤ 1.
Prints {"lp": LP value, "optimum": proven MIP optimum or null, "mipBound": MIP dual bound or null}.
"""
import json
import sys

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import csr_matrix

model = json.load(open(sys.argv[1]))
mip_limit = float(sys.argv[2])
c = -np.asarray(model["c"], dtype=float)
rows = model["rows"]
indptr = np.zeros(len(rows) + 1, dtype=np.int64)
indptr[1:] = np.cumsum([len(r) for r in rows])
indices = np.fromiter((j for r in rows for j in r), dtype=np.int64, count=int(indptr[-1]))
A = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(c)))
lo = np.asarray(model["lo"], dtype=float)
hi = np.asarray(model["hi"], dtype=float)
lp = milp(c, constraints=LinearConstraint(A, lo, hi), bounds=Bounds(0, 1), integrality=np.zeros(len(c)))
if lp.status != 0:
    raise SystemExit(f"LP failed: {lp.message}")
out = {"lp": -lp.fun, "optimum": None, "mipBound": None}
if mip_limit > 0:
    mip = milp(
        c,
        constraints=LinearConstraint(A, lo, hi),
        bounds=Bounds(0, 1),
        integrality=np.ones(len(c)),
        options={"time_limit": mip_limit, "mip_rel_gap": 0},
    )
    if mip.status == 0:
        out["optimum"] = -mip.fun
    bound = getattr(mip, "mip_dual_bound", None)
    out["mipBound"] = None if bound is None else -bound
print(json.dumps(out))
