"""Two independent readings of a draft: Python's `email` in strict mode, and npm's mailparser run by node."""

from __future__ import annotations

import email
import email.policy
import json
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READ_DRAFT = Path(__file__).with_name("read_draft.js")
EMPTY_ENCODED_WORD = re.compile(rb"=\?[^?]*\?[qQbB]\?\?=")


def strict_reading(raw: bytes) -> dict:
    """Every header decoded and every attachment's names, by Python's parser in strict mode; a
    defect in the message or in any header fails."""
    message = email.message_from_bytes(raw, policy=email.policy.strict)
    assert message.defects == []
    headers = {}
    for part in message.walk():
        assert part.defects == [], part.defects
        for name, value in part.items():
            defects = [str(defect) for defect in value.defects]
            if name == "Content-Disposition" and not (part.get_filename() or "").isascii():
                # An accented name's RFC 2231 form beside its plain one: Python notes the pair and keeps the first.
                defects = [defect for defect in defects if not defect.startswith("duplicate parameter name")]
            assert defects == [], (name, defects)
            if part is message:
                headers[name] = str(value)
    files = [{"filename": part.get_filename(), "name": part.get_param("name"),
              "contentType": part.get_content_type(), "size": len(part.get_content())}
             for part in message.iter_attachments()]
    return {"headers": headers, "attachments": files, "message": message}


def mailparser_reading(raw: bytes) -> dict:
    """The draft as npm's mailparser (simpleParser) reads it."""
    node = shutil.which("node")
    assert node, "node is needed (scripts/setup-tests installs it)"
    result = subprocess.run([node, str(READ_DRAFT)], input=raw, capture_output=True, cwd=ROOT, check=True)
    return json.loads(result.stdout)


def raw_header_problems(raw: bytes) -> list[str]:
    """What RFC 5322/2047/2231 or Outlook objects to in the raw headers of every part."""
    problems = []
    for block in re.split(rb"\r\n--=_handout-draft-[a-z]+(?:--)?\r\n", raw):
        headers = block.split(b"\r\n\r\n", 1)[0]
        if EMPTY_ENCODED_WORD.search(headers):
            problems.append(f"empty encoded-word in {headers[:60]!r}")
        problems += [f"line of {len(line)} octets" for line in headers.split(b"\r\n") if len(line) > 998]
        unfolded = re.sub(rb"\r\n[ \t]+", b" ", headers)
        if b"Content-Disposition: attachment" in unfolded:
            for needed in (rb'Content-Disposition: attachment;[^\r]*\bfilename="[ -~]+"',
                           rb'Content-Type: [a-z+/.-]+;[^\r]*\bname="[ -~]+"'):
                if not re.search(needed, unfolded):
                    problems.append(f"no plain {needed[:30]!r} in {unfolded[:120]!r}")
    return problems
