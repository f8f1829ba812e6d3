"""evaluate_matching reads benchmark folders as they are and writes the documented JSON shape."""

import csv
import gzip
import io
import json

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from matching.engine.consortia import Consortium, Participation, hide_one_member
from matching.engine.partners import PartnerRecommender

METRICS = {"hit@1", "hit@3", "hit@10", "mrr", "ndcg@10"}
TOPICS = {"energy": "solar battery grid", "health": "vaccine clinical patient", "farm": "rice crop irrigation"}


def _jsonl(path, rows):
    with gzip.open(path, "wt", encoding="utf-8") if path.suffix == ".gz" else open(path, "w") as handle:
        handle.writelines(json.dumps(row) + "\n" for row in rows)


@pytest.fixture
def funding_folder(tmp_path):
    rng = np.random.default_rng(1)
    _jsonl(tmp_path / "programs.jsonl", [{"id": p, "name": p.title(), "description": p.title()} for p in TOPICS])

    def awards(years, count):
        rows = []
        for i in range(count):
            program = list(TOPICS)[i % 3]
            words = " ".join(rng.choice(TOPICS[program].split(), 4))
            rows.append(
                {
                    "id": f"x{years[0]}-{i}",
                    "applicant_id": f"firm{i % 7}",
                    "applicant": f"Firm {i % 7}",
                    "year": int(rng.choice(years)),
                    "program_id": program,
                    "title": words,
                    "text": words,
                }
            )
        return rows

    _jsonl(tmp_path / "train.jsonl.gz", awards([2001, 2002, 2003], 90))
    _jsonl(tmp_path / "test.jsonl.gz", awards([2004], 30))
    return tmp_path


@pytest.fixture
def partners_folder(tmp_path):
    rng = np.random.default_rng(2)
    header = ["project_id", "org_id", "org_type", "country", "role", "start_year", "programme", "contribution"]

    def write(name, projects, years):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        for project in projects:
            for org in rng.choice(40, 4, replace=False):
                writer.writerow(
                    [
                        project,
                        f"org{org}",
                        "PRC" if org % 2 else "HES",
                        "VN",
                        "participant",
                        int(rng.choice(years)),
                        "SC1",
                        "1000.0",
                    ]
                )
        with gzip.open(tmp_path / name, "wt", encoding="utf-8") as handle:
            handle.write(buffer.getvalue())

    write("train.csv.gz", range(100, 160), [2014, 2015, 2016])
    write("test.csv.gz", range(200, 220), [2017])
    return tmp_path


def test_funding_command_writes_the_json_shape(funding_folder, tmp_path):
    out = tmp_path / "result.json"
    call_command(
        "evaluate_matching", "funding", "--data", str(funding_folder), "--json", str(out), stdout=io.StringIO()
    )
    result = json.loads(out.read_text())
    assert result["kind"] == "funding" and result["n_test"] == 30
    assert isinstance(result["fit_seconds"], float)
    assert set(result["engine"]) == METRICS
    assert set(result["baselines"]) == {"popularity", "tfidf_centroid"}
    assert all(set(metrics) == METRICS for metrics in result["baselines"].values())


def test_partners_command_writes_the_json_shape(partners_folder, tmp_path):
    out = tmp_path / "result.json"
    printed = io.StringIO()
    call_command("evaluate_matching", "partners", "--data", str(partners_folder), "--json", str(out), stdout=printed)
    result = json.loads(out.read_text())
    assert result["kind"] == "partners" and result["n_test"] == 20
    assert set(result["engine"]) == METRICS
    assert set(result["baselines"]) == {
        "popularity",
        "co_participation",
        "member_normalised",
        "member_normalised_open_type",
        "member_normalised_open_type_country",
    }
    assert json.loads(printed.getvalue().strip().splitlines()[-1]) == result


def test_a_folder_that_is_not_a_benchmark_is_refused(tmp_path):
    with pytest.raises(CommandError, match="missing"):
        call_command("evaluate_matching", "funding", "--data", str(tmp_path), stdout=io.StringIO())


def test_hidden_member_protocol_follows_the_readme():
    rows = [
        Participation(str(p), f"o{p}-{m}", "PRC", "VN", "SC1", 2017.0) for p in (30, 4, 12) for m in range(3 + p % 2)
    ]
    rows.append(Participation("7", "solo", "PRC", "VN", "SC1", 2017.0))  # fewer than 3 members: skipped
    consortia, hidden = hide_one_member(rows, np.random.default_rng(0))
    rng = np.random.default_rng(0)
    expected = [f"o{p}-{int(rng.integers(n))}" for p, n in ((4, 3), (12, 3), (30, 3))]
    assert hidden == expected
    assert all(h not in c.members for c, h in zip(consortia, hidden, strict=True))


def test_partners_prefer_organisations_that_worked_with_the_members():
    history = [Participation(f"p{i}", org, "PRC", "VN", "SC1", 2016.0) for i in range(5) for org in ("a", "b", "c")]
    history += [Participation(f"q{i}", org, "HES", "FR", "SC1", 2016.0) for i in range(5) for org in ("d", "e", "f")]
    model = PartnerRecommender().fit(history)
    best = model.recommend([Consortium(("a", "b"), "SC1", 2017.0)], k=1)[0][0]
    assert model.org_ids_[best.index] == "c"
    assert {reason.code for reason in best.reasons} >= {"partnered_before", "same_programme"}
