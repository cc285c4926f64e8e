/* The course's step-dependent formulas in the browser, for the explorers of the website.
 *
 * window.d2lVn.schedule(kind, params, t) is d2l_vn.schedulers: kind is one of the keys of
 * window.d2lVn.SCHEDULERS (each names its Python class), params are the class's arguments
 * by name (defaults as in Python), t >= 0 the step. window.d2lVn.rho(t, beta2) and
 * window.d2lVn.rectification(t, beta2) are d2l_vn.rectification (null where rho_t <= 4);
 * window.d2lVn.radamStepScalars(t, beta1, beta2, threshold) is d2l_vn.RAdam.step_scalars.
 * window.d2lVn.checkBeta(name, beta) is d2l_vn.rectification.check_beta.
 * Each expression is written in the same order of operations as the Python one, and
 * tests/test_site.py compares both at random arguments. Bad arguments throw a RangeError
 * with Python's message; for the explorers, which speak the reader's language, the error also
 * carries error.words ([English, Vietnamese] of that message), error.hint ([English,
 * Vietnamese]: what to do about it) and error.names (the Python arguments at fault).
 */
(function () {
  "use strict";

  /* english: Python's message, numbers as JavaScript prints them (0, not 0.0); vietnamese: the same
   * in Vietnamese; hint: [English, Vietnamese] what to do; names: the arguments to mark. */
  function fail(english, vietnamese, hint, names) {
    var error = new RangeError(english);
    error.words = [english, vietnamese];
    error.hint = hint || null;
    error.names = names || [];
    throw error;
  }

  /* The argument a check names: "each entry of step" is about step, "the step t" about t. */
  function argumentOf(name) { return name.split(" ").pop(); }

  function isNumber(value) { return typeof value === "number" && isFinite(value); }

  /* nameVi: how the Vietnamese message names the argument (the Python name by default). */
  function checkInt(name, value, minimum, nameVi) {
    if (!Number.isInteger(value) || value < minimum) {
      fail(name + " must be an integer >= " + minimum + ", got " + value,
           (nameVi || name) + " phải là số nguyên ≥ " + minimum + ", nhận được " + value,
           ["Type a whole number ≥ " + minimum + ".", "Hãy nhập một số nguyên ≥ " + minimum + "."],
           [argumentOf(name)]);
    }
    return value;
  }

  /* What to type into a box whose number must lie within the bounds of checkReal. */
  function realHint(low, high, lowOpen) {
    var above = lowOpen ? ["greater than " + low, "lớn hơn " + low] : ["≥ " + low, "≥ " + low];
    if (high === undefined) {
      return ["Type a number " + above[0] + ".", "Hãy nhập một số " + above[1] + "."];
    }
    return ["Type a number " + above[0] + " and at most " + high + ".",
            "Hãy nhập một số " + above[1] + " và không quá " + high + "."];
  }

  /* hint: what to do, when the bounds alone do not say it (a bound set by another argument). */
  function checkReal(name, value, low, high, lowOpen, hint) {
    var ok = isNumber(value);
    if (ok && low !== undefined) { ok = lowOpen ? value > low : value >= low; }
    if (ok && high !== undefined) { ok = value <= high; }
    if (!ok) {
      var bounds = (lowOpen ? "(" : "[") + low + ", " + (high === undefined ? "inf)" : high + "]");
      fail(name + " must be a number in " + bounds + ", got " + value,
           name + " phải là một số trong " + bounds + ", nhận được " + value,
           hint || realHint(low, high, lowOpen), [name]);
    }
    return value;
  }

  /* Arguments, defaults and checks of each scheduler class; decay(p, t) for t >= warmup. */
  var SCHEDULERS = {
    square_root: {
      python: "SquareRootScheduler",
      defaults: {},
      check: function () {},
      decay: function (p, t) { return p.base_lr * Math.pow(t - p.warmup_steps + 1, -0.5); }
    },
    factor: {
      python: "FactorScheduler",
      defaults: { step: undefined, factor: 1.0, stop_factor_lr: 1e-8 },
      check: function (p) {
        checkInt("step", p.step, 1);
        checkReal("factor", p.factor, 0.0, 1.0, true);
        checkReal("stop_factor_lr", p.stop_factor_lr, 0.0);
      },
      decay: function (p, t) {
        var k = Math.max(0, Math.ceil(t / p.step) - 1);
        if (k === 0) { return p.base_lr; }
        return Math.max(p.base_lr * Math.pow(p.factor, k), p.stop_factor_lr);
      }
    },
    multi_factor: {
      python: "MultiFactorScheduler",
      defaults: { step: undefined, factor: 1.0 },
      check: function (p) {
        if (!Array.isArray(p.step) || p.step.length === 0) {
          fail("step must be a non-empty list of increasing integers, got " + p.step,
               "step phải là một danh sách khác rỗng gồm các số nguyên tăng dần, nhận được " + p.step,
               ["Type the steps after which the rate drops, for example 15, 30.",
                "Hãy nhập các bước mà sau đó tốc độ giảm, ví dụ 15, 30."], ["step"]);
        }
        p.step.forEach(function (s) { checkInt("each entry of step", s, 1, "mỗi phần tử của step"); });
        for (var i = 1; i < p.step.length; i++) {
          if (p.step[i] <= p.step[i - 1]) {
            fail("step must be strictly increasing, got " + p.step,
                 "step phải tăng ngặt, nhận được " + p.step,
                 ["List each step once, in increasing order, for example 15, 30.",
                  "Hãy liệt kê mỗi bước một lần, theo thứ tự tăng dần, ví dụ 15, 30."], ["step"]);
          }
        }
        checkReal("factor", p.factor, 0.0, 1.0, true);
      },
      decay: function (p, t) {
        var passed = p.step.filter(function (s) { return t > s; }).length;
        return p.base_lr * Math.pow(p.factor, passed);
      }
    },
    poly: {
      python: "PolyScheduler",
      defaults: { max_update: undefined, pwr: 2, final_lr: 0.0 },
      check: function (p) { checkAnneal(p); checkReal("pwr", p.pwr, 0.0); },
      decay: function (p, t) {
        return p.final_lr + (p.base_lr - p.final_lr) * Math.pow(1 - progress(p, t), p.pwr);
      }
    },
    cosine: {
      python: "CosineScheduler",
      defaults: { max_update: undefined, final_lr: 0.0 },
      check: checkAnneal,
      decay: function (p, t) {
        return p.final_lr + (p.base_lr - p.final_lr) * (1 + Math.cos(Math.PI * progress(p, t))) / 2;
      }
    }
  };
  var WARMUP_DEFAULTS = { base_lr: 0.01, warmup_steps: 0, warmup_begin_lr: 0.0, warmup_mode: "linear" };

  function checkAnneal(p) {
    checkInt("max_update", p.max_update, 1);
    if (p.warmup_steps >= p.max_update) {
      fail("warmup_steps (" + p.warmup_steps + ") must be smaller than max_update (" +
           p.max_update + ")",
           "warmup_steps (" + p.warmup_steps + ") phải nhỏ hơn max_update (" + p.max_update + ")",
           ["Shorten the warmup, or move max_update above " + p.warmup_steps + ".",
            "Hãy rút ngắn khởi động, hoặc tăng max_update lên trên " + p.warmup_steps + "."],
           ["warmup_steps", "max_update"]);
    }
    checkReal("final_lr", p.final_lr, 0.0);
  }

  /* Fraction of the decay done at step t: 0 after warmup, 1 from max_update on. */
  function progress(p, t) {
    t = Math.min(t, p.max_update);
    return (t - p.warmup_steps) / (p.max_update - p.warmup_steps);
  }

  /* A checked schedule: a function of the step t, like an instance of the Python class. */
  function scheduler(kind, params) {
    var spec = SCHEDULERS[kind];
    if (!spec) {
      fail("kind must be one of " + Object.keys(SCHEDULERS).join(", ") + ", got " + kind,
           "kind phải là một trong " + Object.keys(SCHEDULERS).join(", ") + ", nhận được " + kind);
    }
    var p = {};
    var names = Object.assign({}, WARMUP_DEFAULTS, spec.defaults);
    Object.keys(params || {}).forEach(function (name) {
      if (!(name in names)) {
        fail(spec.python + " has no argument " + name + "; use " + Object.keys(names).join(", "),
             spec.python + " không có đối số " + name + "; hãy dùng " + Object.keys(names).join(", "));
      }
    });
    Object.keys(names).forEach(function (name) {
      p[name] = params && params[name] !== undefined ? params[name] : names[name];
      if (p[name] === undefined) {
        fail(spec.python + " needs the argument " + name, spec.python + " cần đối số " + name);
      }
    });
    checkReal("base_lr", p.base_lr, 0.0, undefined, true);
    checkInt("warmup_steps", p.warmup_steps, 0);
    checkReal("warmup_begin_lr", p.warmup_begin_lr, 0.0, p.base_lr, false,
              ["Type a number from 0 to base_lr (" + p.base_lr + "), or raise base_lr.",
               "Hãy nhập một số từ 0 đến base_lr (" + p.base_lr + "), hoặc tăng base_lr."]);
    if (p.warmup_mode !== "linear" && p.warmup_mode !== "constant") {
      fail("warmup_mode must be 'linear' or 'constant', got " + p.warmup_mode,
           "warmup_mode phải là 'linear' hoặc 'constant', nhận được " + p.warmup_mode,
           ["Choose linear or constant.", "Hãy chọn linear hoặc constant."], ["warmup_mode"]);
    }
    spec.check(p);
    return function (t) {
      if (typeof t !== "number" || !(t >= 0)) {
        fail("the step t must be a number >= 0, got " + t, "bước t phải là một số ≥ 0, nhận được " + t);
      }
      if (t < p.warmup_steps) {
        if (p.warmup_mode === "constant") { return p.warmup_begin_lr; }
        return p.warmup_begin_lr + (p.base_lr - p.warmup_begin_lr) * t / p.warmup_steps;
      }
      return spec.decay(p, t);
    };
  }

  function checkBeta(name, beta) {
    if (!isNumber(beta) || !(beta >= 0.0 && beta < 1.0)) {
      fail(name + " must be a number in [0, 1), got " + beta,
           name + " phải là một số trong [0, 1), nhận được " + beta,
           ["Type a number from 0 up to, but not including, 1 (for example 0.999).",
            "Hãy nhập một số từ 0 đến dưới 1 (ví dụ 0.999)."], [name]);
    }
    return beta;
  }

  function checkStep(t) { return checkInt("the step t", t, 1, "bước t"); }

  function rhoInf(beta2) { return 2.0 / (1.0 - checkBeta("beta2", beta2)) - 1.0; }

  /* rho_t = rho_inf - 2 t beta2**t / (1 - beta2**t); rho_1 = 1. */
  function rho(t, beta2) {
    checkStep(t);
    checkBeta("beta2", beta2);
    var power = Math.pow(beta2, t);
    return rhoInf(beta2) - 2.0 * t * power / (1.0 - power);
  }

  /* r_t, or null where rho_t <= 4 (undefined). */
  function rectification(t, beta2) {
    var r = rho(t, beta2);
    var rInf = rhoInf(beta2);
    if (r <= 4.0) { return null; }
    return Math.sqrt((r - 4.0) * (r - 2.0) * rInf / ((rInf - 4.0) * (rInf - 2.0) * r));
  }

  function biasCorrection(t, beta) { return 1.0 - Math.pow(checkBeta("beta", beta), checkStep(t)); }

  /* [adaptive, lr_factor] of d2l_vn.RAdam at step t: the factor multiplies the learning rate
   * that MXNet's adam_update applies to the raw moments m / (sqrt(v) + epsilon). */
  function radamStepScalars(t, beta1, beta2, threshold) {
    checkReal("threshold", threshold, 4.0);
    var c1 = biasCorrection(t, beta1);
    if (rho(t, beta2) > threshold) {
      return [true, rectification(t, beta2) * Math.sqrt(biasCorrection(t, beta2)) / c1];
    }
    return [false, 1.0 / c1];
  }

  var api = window.d2lVn = window.d2lVn || {};
  api.SCHEDULERS = {};
  Object.keys(SCHEDULERS).forEach(function (kind) {
    api.SCHEDULERS[kind] = { python: SCHEDULERS[kind].python,
                             arguments: Object.keys(Object.assign({}, WARMUP_DEFAULTS, SCHEDULERS[kind].defaults)) };
  });
  api.scheduler = scheduler;
  api.schedule = function (kind, params, t) { return scheduler(kind, params)(t); };
  api.rhoInf = rhoInf;
  api.rho = rho;
  api.rectification = rectification;
  api.biasCorrection = biasCorrection;
  api.checkBeta = checkBeta;
  api.radamStepScalars = radamStepScalars;
})();
