// Reads an .eml from standard input with mailparser's simpleParser, as many Node mail tools do,
// and prints what a mail program would show: each header decoded, and each attachment's name.
const { simpleParser } = require("mailparser");

const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", async () => {
  const mail = await simpleParser(Buffer.concat(chunks));
  const text = (value) => (value && typeof value === "object" && "text" in value ? value.text : value);
  const addresses = (value) => (value ? value.value.map((a) => ({ name: a.name, address: a.address })) : null);
  process.stdout.write(JSON.stringify({
    subject: mail.subject,
    from: addresses(mail.from),
    replyTo: addresses(mail.replyTo),
    to: addresses(mail.to),
    unsent: text(mail.headers.get("x-unsent")),
    headerLines: mail.headerLines.map((line) => line.line),
    text: mail.text,
    html: mail.html,
    attachments: mail.attachments.map((file) => ({
      filename: file.filename, contentType: file.contentType, size: file.size,
      disposition: file.contentDisposition,
    })),
  }));
});
