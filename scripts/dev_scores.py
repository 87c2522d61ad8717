"""Code both dev sets in ../shared/eval/dev and score them with the shared scorer."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval"
OUT = ROOT / "out"


def main() -> None:
    """Code and score each dev set, printing score.py's lines under its name."""
    OUT.mkdir(exist_ok=True)
    killdeer = Path(sys.executable).parent / "killdeer"
    for name in ("plover_gsr", "wikinews"):
        pred = OUT / f"{name}.pred.jsonl"
        subprocess.run([str(killdeer), "code", str(DEV / "dev" / f"{name}.docs.jsonl"), "-o", str(pred)], check=True)
        print(f"== {name}", flush=True)
        subprocess.run([sys.executable, str(DEV / "score.py"), str(DEV / "dev" / f"{name}.gold.jsonl"), str(pred),
                        *sys.argv[1:]], check=True)


if __name__ == "__main__":
    main()
