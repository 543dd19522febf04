"""A generated WordPress export of a given size, for measuring the importer's time and memory."""

from __future__ import annotations

from pathlib import Path

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
\txmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
\t<title>Generated practice blog</title>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:author><wp:author_login><![CDATA[jdoe]]></wp:author_login>
\t\t<wp:author_display_name><![CDATA[Jane Doe, LCSW]]></wp:author_display_name></wp:author>
"""
PARAGRAPH = ("<!-- wp:paragraph -->\n<p>Paragraph {n} of post {post}: worry often gets louder at night, and "
             "<strong>that is normal</strong>. Write it down, breathe slowly, and come back to it in the "
             "morning, when it is usually smaller.</p>\n<!-- /wp:paragraph -->\n\n")
ITEM = """\t<item>
\t\t<title><![CDATA[Generated post {post}]]></title>
\t\t<link>https://practice.example.com/{post}/</link>
\t\t<dc:creator><![CDATA[jdoe]]></dc:creator>
\t\t<content:encoded><![CDATA[{body}]]></content:encoded>
\t\t<excerpt:encoded><![CDATA[]]></excerpt:encoded>
\t\t<wp:post_id>{post}</wp:post_id>
\t\t<wp:post_date><![CDATA[2024-03-03 10:00:00]]></wp:post_date>
\t\t<wp:post_modified><![CDATA[2024-04-02 09:12:40]]></wp:post_modified>
\t\t<wp:post_name><![CDATA[generated-post-{post}]]></wp:post_name>
\t\t<wp:status><![CDATA[{status}]]></wp:status>
\t\t<wp:post_type><![CDATA[post]]></wp:post_type>
\t\t<wp:post_password><![CDATA[]]></wp:post_password>
\t\t<category domain="category" nicename="sleep"><![CDATA[Sleep]]></category>
\t</item>
"""


def write_export(path: Path, megabytes: int, paragraphs: int = 60) -> int:
    """Write an export of about `megabytes` MB, posts of `paragraphs` paragraphs; returns how many posts."""
    posts = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD)
        while out.tell() < megabytes * 1_000_000:
            posts += 1
            body = "".join(PARAGRAPH.format(n=n, post=posts) for n in range(1, paragraphs + 1))
            out.write(ITEM.format(post=posts, body=body, status="draft" if posts % 10 == 0 else "publish"))
        out.write("</channel>\n</rss>\n")
    return posts
