# Google Colab only: install MXNet 1.9.1, d2l and d2l_vn on Python 3.12 (README: "Run in Colab").
# Anywhere else this cell does nothing.
import sys

if "google.colab" in sys.modules:
    import importlib.metadata, importlib.util, subprocess
    REPO = "https://github.com/d2l-vn/optimization-course"
    if importlib.util.find_spec("d2l_vn") is None:
        pip = [sys.executable, "-m", "pip", "install", "-q"]
        subprocess.run(pip + ["-r", f"{REPO}/raw/main/requirements-colab.txt"], check=True)
        subprocess.run(pip + ["--no-deps", "d2l==1.0.3", f"git+{REPO}"], check=True)
        importlib.invalidate_caches()
    stale = [name for name in ("numpy", "pandas", "matplotlib") if name in sys.modules
             and sys.modules[name].__version__ != importlib.metadata.version(name)]
    if stale:
        raise SystemExit(f"New versions of {', '.join(stale)} were installed: restart the runtime "
                         "(Runtime > Restart session), then run the notebook again from the top.")
