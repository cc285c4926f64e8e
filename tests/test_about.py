"""The "About the experiments" note: settings, sessions and how to reproduce, in both languages."""
import re

import pytest

from d2l_vn import mxnet as d2l_vn
from d2l_vn.studies import records
from d2l_vn.studies import adam_radam, lr_scheduling


def test_the_note_lists_every_study_and_session_of_the_record():
    page = d2l_vn.about_experiments(lr_scheduling)._repr_html_()
    record = records.load_record("lr_scheduling")
    assert page.startswith('<details class="d2l-vn-about"><summary>')
    for study in lr_scheduling.STUDIES:
        assert study.title[0] in page and study.title[1] in page
    for session in record["provenance"]["sessions"]:
        assert session["date"] in page
    assert "make results" not in page and "DNNL" not in page  # commands live in the README
    assert page.count("AVX2 instruction set") == 1 and "tập lệnh AVX2" in page
    assert "/work" not in page and "/home" not in page and "/root" not in page


def test_one_language_and_unrecorded_studies(monkeypatch, tmp_path):
    page = d2l_vn.about_experiments(adam_radam, lang="vi")._repr_html_()
    assert 'class="lang-vi"' in page and 'class="lang-en"' not in page
    assert "Nơi Adam bắt đầu hỏng" in page
    monkeypatch.setattr(records, "RECORDS_DIR", tmp_path)  # no record at all
    page = d2l_vn.about_experiments(adam_radam, lang="en")._repr_html_()
    assert page.count("not recorded yet") == len(adam_radam.STUDIES) and "Sessions" not in page
    assert re.search("<td>5</td><td>60\u202f000</td><td>32</td>", page)  # the declared epochs, images, batch


def test_bad_arguments_say_what_to_pass():
    with pytest.raises(ValueError, match="lang must be 'vi', 'en' or 'both'"):
        d2l_vn.about_experiments(lr_scheduling, lang="fr")
    with pytest.raises(ValueError, match="d2l_vn.studies.lr_scheduling"):
        d2l_vn.about_experiments(d2l_vn)


def test_each_edition_describes_its_own_frameworks_record():
    from d2l_vn import torch as torch_vn
    from d2l_vn.core import about as core_about
    torch_record = records.load_record("adam_radam", framework="torch")
    page = torch_vn.about_experiments(adam_radam, lang="en")._repr_html_()
    assert "Python / PyTorch / NumPy / d2l" in page and "in PyTorch into its record" in page
    assert torch_record["provenance"]["torch"] in page
    mxnet_page = d2l_vn.about_experiments(adam_radam, lang="en")._repr_html_()
    assert "Python / MXNet / NumPy / d2l" in mxnet_page and "in PyTorch" not in mxnet_page
    with pytest.raises(ValueError, match="framework must be one of"):
        core_about.about_experiments(adam_radam, framework="jax")
