# Google Colab only: add what Colab lacks, d2l 1.0.3 and d2l_vn, without dependencies. Colab's
# PyTorch, NumPy, pandas and matplotlib stay as they are. Elsewhere this cell does nothing.
import sys

if "google.colab" in sys.modules:
    import importlib, importlib.util, subprocess, time
    D2L_VN = "git+https://github.com/d2l-vn/optimization-course@main"
    wanted = {"d2l": "d2l==1.0.3", "d2l_vn": D2L_VN}
    missing = [name for name in wanted if importlib.util.find_spec(name) is None]
    if missing:
        start = time.perf_counter()
        pip = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                              *(wanted[name] for name in missing)], capture_output=True, text=True)
        if pip.returncode != 0:  # Colab does not show a subprocess's output: show pip's here
            raise SystemExit(f"pip could not install {', '.join(missing)}:\n"
                             f"{pip.stdout}{pip.stderr}")
        importlib.invalidate_caches()
        print(f"Installed {', '.join(missing)} (without dependencies) in "
              f"{time.perf_counter() - start:.0f} s.")
