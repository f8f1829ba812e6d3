"""The matching engine: pure numpy/scipy/scikit-learn, no Django (a test holds this).

The portal feeds it plain dataclasses and arrays built from the database; `evaluate_matching`
feeds it benchmark files; the code is the same. Scores are match qualities in [0, 1] (higher is
better); reasons are codes with parameters (reasons.ReasonCode), rendered in the user's
language by the portal. Nothing is fitted or loaded at import time.

Funding — startup → program, and program → organisations (the column view of the same scores):
    from matching.engine.funding import FundingRecommender, Program, Award, FundingQuery
    model = FundingRecommender().fit(programs, awards, corpus=all_profile_texts)
    model.score(queries)                         # n_queries × n_programs
    model.recommend(queries, k=10, eligible=mask, unknown=counts)   # Match(index, score, reasons)
  `awards` are the outcomes (funding-awarded events, with the applicant id so each organisation's
  record counts); the re-ranker learns from the most recent ones and is skipped when too few.

Eligibility first — `eligibility.verdict_arrays(applicants, criteria)` (from kernel.eligibility
dataclasses) or `eligibility.encode(...)` + `EligibilityArrays.check(...)` for a full recompute;
`eligibility.apply(scores, eligible, unknown)` removes failing pairs and penalises each unknown
criterion; `eligibility.reasons_for(verdict)` names the criteria met / unknown.

Two-sided matches — startup ↔ capability, startup ↔ mentor, need → capabilities (reciprocal=False):
    from matching.engine.reciprocity import ProfileMatcher, Profile
    matcher = ProfileMatcher().fit(left_profiles, right_profiles)
    best, best_by_right = matcher.top_k(20, k_per_right=20)   # chunked (retrieval.select)
  Small corpora score every pair; large ones (exact=None picks by size) score each source's pool
  (pooling.py: pairs whose texts meet, and the best by taxonomy facts alone) and prove the rest
  cannot enter its top k, so the lists are the same. `n_jobs=2` scores chunks in two threads.
    matcher.explain(i, j, left_profiles[i], right_profiles[j])

Capacity and exposure — `capacity.spread_exposure(pool, k, capacity.exposure_caps(...))` turns a
wider pool (e.g. top 60) into final top-k lists with per-candidate caps (0 for a full mentor);
`capacity.assign_cohort(scores, capacities)` is the officer's optimal cohort assignment with a
total / mean / worst quality report.

Consortium partners — `partners.PartnerRecommender().fit(participations, organisations=None)`, then
`score(consortia, affinity=None)` or `recommend([Consortium(members, programme, year, type_mix,
countries)], k)` (consortia.py: the data and the benchmark's `hide_one_member`). `affinity` is the
caller's profile similarity; the portal lifts collaboration partners by `score` (services/partners.py).

Words — `words.Words` segments Vietnamese (underthesea's CRF, shipped with the package) and joins
text written without diacritics by the corpus's lexicon; `text.TextVectorizer` counts folded words,
`text.profile_vectorizer(n)` is how profile matches configure it, `text.fit_distinct` fits each
distinct text once; `explain.as_written` shows shared terms as whole words as somebody wrote them.

Learning from feedback — feedback.FeedbackReranker learns pair weights from saved / dismissed /
intro-accepted / collaboration-started / funding-awarded events over any matcher's pair features
and falls back to the fixed blend until it has enough of both kinds.

Artefacts — `artefacts.save(model, path, name=, version=)` records the library versions;
`artefacts.LazyArtefact(path, name=).get()` loads on first use and refuses a mismatch.
"""
