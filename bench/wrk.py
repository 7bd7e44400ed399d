"""wrk (C, epoll) driving a mix of requests: measures the server rather than a Python client."""

from __future__ import annotations

import json
import random
import re
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

WRK_SCRIPT = """
local requests = {%s}
local i = 0
request = function()
  i = i %% #requests + 1
  local r = requests[i]
  if r[3] then
    return wrk.format(r[1], r[2], {["Content-Type"] = "application/json"}, r[3])
  end
  return wrk.format(r[1], r[2])
end
"""


def _lua(text: str) -> str:
    return "[[" + text + "]]" if "]]" not in text else json.dumps(text)


def run_wrk(base: str, mix: list[tuple[str, str, dict | None]], clients: int, seconds: float) -> dict:
    """``clients`` connections cycling through ``mix`` (method, path, JSON body) for ``seconds``."""
    shuffled = mix[:]
    random.Random(7).shuffle(shuffled)
    rows = ", ".join(
        "{"
        + f"{_lua(m)}, {_lua(quote(u, safe='/?=&%+:-._~'))}"
        + (f", {_lua(json.dumps(b, ensure_ascii=False))}" if b else "")
        + "}"
        for m, u, b in shuffled
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False, encoding="utf-8") as script:
        script.write(WRK_SCRIPT % rows)
    threads = min(2, clients)
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{clients}", f"-d{int(seconds)}s", "--latency", "--timeout", "10s", "-s", script.name, base],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    Path(script.name).unlink()

    def to_ms(value: str, unit: str) -> float:
        return round(float(value) / 1000 if unit == "us" else float(value) * 1000 if unit == "s" else float(value), 1)

    def ms(label: str) -> float:
        match = re.search(rf"{label}\s+([\d.]+)(us|ms|s)\b", out)
        return to_ms(*match.groups()) if match else float("nan")

    latency = re.search(r"Latency\s+([\d.]+)(us|ms|s)\s+[\d.]+(?:us|ms|s)\s+([\d.]+)(us|ms|s)", out)
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: (.*)", out)
    return {
        "clients": clients,
        "requests": requests,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50_ms": ms("50%"),
        "p90_ms": ms("90%"),
        "p99_ms": ms("99%"),
        "max_ms": to_ms(latency.group(3), latency.group(4)) if latency else float("nan"),
        "errors": {"non_2xx": int(non_2xx.group(1))} if non_2xx else {},
        "socket_errors": socket.group(1) if socket else "",
    }
