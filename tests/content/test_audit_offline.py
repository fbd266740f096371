"""The offline audit finds a pinned version named in a copied OSV record, and only it."""

from __future__ import annotations

import json

from tests.conftest import ROOT, load_script


def _tool():
    return load_script(ROOT / "tools" / "audit_offline.py", "audit_tool")


def test_offline_audit_against_a_copied_osv_export(tmp_path) -> None:
    constraints = tmp_path / "constraints.txt"
    constraints.write_text("# x\nrich==15.0.0\nlxml==6.1.3\ntextual==8.2.8\n")
    osv = tmp_path / "osv"
    osv.mkdir()
    (osv / "A.json").write_text(json.dumps({
        "id": "PYSEC-FAKE-1", "summary": "fictional", "modified": "2026-11-20T00:00:00Z",
        "affected": [{"package": {"ecosystem": "PyPI", "name": "Rich"},
                      "ranges": [{"type": "ECOSYSTEM",
                                  "events": [{"introduced": "0"}, {"fixed": "15.0.1"}]}]}]}))
    (osv / "B.json").write_text(json.dumps({
        "id": "PYSEC-FAKE-2", "modified": "2026-11-21T00:00:00Z",
        "affected": [{"package": {"ecosystem": "PyPI", "name": "lxml"},
                      "versions": ["5.0.0"]}]}))
    hits, newest = _tool().audit(osv, constraints)
    assert hits == ["rich==15.0.0: PYSEC-FAKE-1 fictional"]
    assert newest == "2026-11-21T00:00:00Z"
