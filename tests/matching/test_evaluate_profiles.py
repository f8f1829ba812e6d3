"""evaluate_matching profiles runs the portal's profile matcher on a benchmark folder, beside the baselines."""

import gzip
import json

import numpy as np
import pytest
from django.core.management import call_command

from matching.engine.reciprocity import ProfileMatcher
from matching.engine.semantic import SemanticSpace
from matching.engine.text import profile_vectorizer
from matching.evaluation import profiles

METRICS = {"p@10", "ndcg@10", "map@100"}
TOPICS = {
    "The thao": ["bóng đá", "cầu thủ", "đội tuyển", "huấn luyện viên", "trận đấu", "bàn thắng", "giải vô địch"],
    "Suc khoe": ["bệnh viện", "bác sĩ", "bệnh nhân", "điều trị", "vắc xin", "dịch bệnh", "sức khỏe"],
    "Vi tinh": ["máy tính", "phần mềm", "internet", "điện thoại", "dữ liệu", "mạng xã hội", "ứng dụng"],
}


def _write(path, rows):
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


@pytest.fixture
def profiles_folder(tmp_path):
    rng = np.random.default_rng(0)

    def documents(prefix, count):
        rows = []
        for i in range(count):
            topic = list(TOPICS)[i % 3]
            words = rng.choice(TOPICS[topic], size=4, replace=False)
            rows.append({"id": f"{prefix}{i}", "topic": topic, "text": f"Tin tức: {', '.join(words)}."})
        return rows

    _write(tmp_path / "queries.jsonl.gz", documents("q", 9))
    _write(tmp_path / "corpus.jsonl.gz", documents("d", 30))
    return tmp_path


def test_the_command_prints_engine_and_baselines_and_writes_the_json(profiles_folder, tmp_path, capsys):
    out = tmp_path / "out" / "profiles.json"
    call_command("evaluate_matching", "profiles", "--data", str(profiles_folder), "--json", str(out))
    printed = capsys.readouterr().out
    assert "engine" in printed and "tfidf_syllable_1_2" in printed and "tfidf_syllable_1 " in printed
    result = json.loads(out.read_text(encoding="utf-8"))
    assert {"kind", "n_test", "fit_seconds", "engine", "baselines"} <= set(result)
    assert result["kind"] == "profiles" and result["n_test"] == 9
    assert set(result["engine"]) == METRICS
    assert {"tfidf_syllable_1_2", "tfidf_syllable_1"} <= set(result["baselines"])
    assert any(name.startswith("lsa") for name in result["baselines"])
    assert all(set(metrics) == METRICS for metrics in result["baselines"].values())
    assert result["engine"]["p@10"] > 0.5  # three clearly separated topics


def test_the_evaluation_fits_the_portals_matcher_and_text_features(profiles_folder, monkeypatch):
    fitted = []
    original = ProfileMatcher.fit

    def spy(self, left, right, **kwargs):
        fitted.append((self, kwargs))
        return original(self, left, right, **kwargs)

    monkeypatch.setattr(ProfileMatcher, "fit", spy)
    profiles.evaluate(profiles_folder)
    (matcher, kwargs), *_ = fitted
    assert type(matcher) is ProfileMatcher and kwargs == {}
    defaults = ProfileMatcher().get_params()
    own = {"vectorizer", "semantic"}
    assert {k: v for k, v in matcher.get_params(deep=False).items() if k not in own} == {
        k: v for k, v in defaults.items() if k not in own
    }
    assert matcher.vectorizer.get_params() == profile_vectorizer(39).get_params()
    # The meaning space as the match index fits it (services/index.match_index_build).
    assert type(matcher.semantic) is SemanticSpace
    assert matcher.semantic.get_params() == SemanticSpace().get_params()
