"""Sources that would swap, cut or spoof what a client reads are refused when the library is read."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.errors import SourceError
from pipeline.sources.articles import MAX_ARTICLE_BYTES, parse_article, read_article, read_library

FRONT = "---\ntitle: Sleep and Worry\nsummary: Two small things that help.\n"


def parse(front: str, body: str = "Body.\n"):
    return parse_article(f"{FRONT}{front}---\n\n{body}".encode(), "sources/articles/sleep.md", default_slug="sleep")


def test_two_sources_with_one_slug_stop_the_build_naming_both(tmp_path: Path) -> None:
    """The reviewed `anxiety.md` and an import declaring its slug under another name: neither is built."""
    (tmp_path / "anxiety.md").write_text(f"{FRONT}---\n\nThe reviewed text.\n")
    (tmp_path / "a-new-draft.md").write_text(f"{FRONT}slug: anxiety\n---\n\nThe unreviewed text.\n")
    (tmp_path / "other.md").write_text(f"{FRONT}---\n\nAnother article.\n")
    with pytest.raises(SourceError) as caught:
        read_library(tmp_path)
    assert caught.value.problems == (
        f"{tmp_path / 'anxiety.md'}: slug: 'anxiety' is also the slug of {tmp_path / 'a-new-draft.md'}; "
        "each article needs its own slug, so nothing was built",)


@pytest.mark.parametrize(("url", "message"), [
    ("https://www.h\u0430rborcouples.com/", "its host 'www.hаrborcouples.com' is not plain ASCII; write a domain "
                                            "with other letters in its IDNA form, xn--…"),
    ("https://www.harborcouples.com/\u202emoc.live/", "holds a space, control or formatting character (U+202E)"),
    ("https://www.harborcouples.com@evil.example/", "has a name before its host"),
    ("https://www.harbor couples.com/", "holds a space, control or formatting character (U+0020)"),
], ids=["cyrillic-look-alike", "right-to-left-override", "user-before-host", "space"])
def test_canonical_url_is_held_to_the_profiles_rule(url: str, message: str) -> None:
    with pytest.raises(SourceError) as caught:
        parse(f'canonical_url: "{url}"\n')
    (problem,) = caught.value.problems
    assert problem.startswith("sources/articles/sleep.md: canonical_url: ") and message in problem


def test_an_idna_host_is_accepted_as_written() -> None:
    url = "https://www.xn--hrborcouples-5ej.com/sleep/"
    assert parse(f"canonical_url: {url}\n").canonical_url == url


@pytest.mark.parametrize("field", ["updated", "reviewed_on", "next_review"])
def test_a_date_no_output_can_carry_is_refused(field: str) -> None:
    """`updated: 2205-08-04` passed check, then the e-book's zip clock refused it at build time."""
    extra = {"updated": "", "reviewed_on": "reviewed_by: Jane Doe\n",
             "next_review": "reviewed_by: Jane Doe\nreviewed_on: 2025-01-02\n"}[field]
    with pytest.raises(SourceError) as caught:
        parse(f"{field}: 2205-08-04\n{extra}")
    assert f"sources/articles/sleep.md: {field}: 2205-08-04 is not a date between 1900 and 2099" in \
        "\n".join(caught.value.problems)


def test_the_latest_date_still_builds_its_ebook() -> None:
    from pipeline.ebook.package import _zipped

    article = parse("updated: 2099-12-31\n")
    assert _zipped({"mimetype": b"application/epub+zip"}, article.updated)[:2] == b"PK"


def _read_in_a_bounded_child(code: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in a child limited to 1 GB and 20 s: the reading it tests must neither grow nor hang."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    try:
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=20,
                              preexec_fn=limit, cwd=Path(__file__).parents[2])
    except subprocess.TimeoutExpired:
        pytest.fail("reading the sources did not finish in 20 s")


def test_a_source_linked_to_dev_zero_is_refused_before_reading(tmp_path: Path) -> None:
    link = tmp_path / "zero.md"
    link.symlink_to("/dev/zero")
    done = _read_in_a_bounded_child(
        "from pathlib import Path\nfrom pipeline.errors import SourceError\nfrom pipeline.sources import read_article\n"
        f"try:\n    read_article(Path({str(link)!r}))\nexcept SourceError as exc:\n    print(*exc.problems)\n")
    assert done.stdout.strip() == f"{link}: is a device, not a file; expected an article's Markdown text", done.stderr


def test_a_fifo_among_the_sources_does_not_hang_the_build(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(f"{FRONT}---\n\nBody.\n")
    os.mkfifo(tmp_path / "pipe.md")
    done = _read_in_a_bounded_child(
        "from pathlib import Path\nfrom pipeline.sources import read_library\n"
        f"library = read_library(Path({str(tmp_path)!r}))\n"
        "print([article.slug for article in library.articles], *library.problems, sep='\\n')\n")
    assert done.stdout.splitlines() == [
        "['good']", f"{tmp_path / 'pipe.md'}: is a pipe (FIFO), not a file; expected an article's Markdown text"]


def test_a_source_that_grows_past_the_limit_is_cut_off_while_reading(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The size is what is read, not what a stat said before: a file that grows is still bounded."""
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * (MAX_ARTICLE_BYTES + 10))
    reads: list[int] = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    with pytest.raises(SourceError, match=r"big.md: larger than 2 MB; expected an article's Markdown text"):
        read_article(big)
    assert sum(reads) <= MAX_ARTICLE_BYTES + 1


def test_a_build_with_two_sources_of_one_slug_writes_nothing(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    (sources / "practice.toml").write_text((root / "sources" / "practice.toml").read_text())
    (sources / "articles" / "anxiety.md").write_text(f"{FRONT}---\n\nThe unreviewed import.\n")
    (sources / "articles" / "coping.md").write_text(f"{FRONT}slug: anxiety\nreviewed_by: Jane Doe\n"
                                                    "reviewed_on: 2025-03-03\n---\n\nThe reviewed text.\n")
    (sources / "articles" / "other.md").write_text(f"{FRONT}---\n\nAnother article.\n")
    done = subprocess.run([sys.executable, "-m", "pipeline", "build", "--only", "pdf", "--sources", str(sources),
                           "--out", str(tmp_path / "build"), "--cache", str(tmp_path / "cache")],
                          capture_output=True, text=True, timeout=300, cwd=root)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert [line for line in done.stderr.splitlines() if line.startswith("error: ")] == [
        f"error: {sources / 'articles' / 'coping.md'}: slug: 'anxiety' is also the slug of "
        f"{sources / 'articles' / 'anxiety.md'}; each article needs its own slug, so nothing was built"]
    assert not (tmp_path / "build").exists()
