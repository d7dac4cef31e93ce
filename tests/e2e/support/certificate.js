// A throw-away TLS certificate for the test site, made with openssl for the names it stands in for.
// The browsers trust it by its key only (Chromium: --ignore-certificate-errors-spki-list; Firefox:
// acceptInsecureCerts), so it never becomes a trusted authority anywhere.
import { execFileSync } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

export function makeCertificate(dir, names) {
  const key = path.join(dir, "site.key");
  const cert = path.join(dir, "site.crt");
  const san = names.map((name) => `DNS:${name}`).join(",");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=NoTrain end-to-end test site",
      "-addext",
      `subjectAltName=${san}`,
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const pem = readFileSync(cert);
  const spki = new X509Certificate(pem).publicKey.export({ type: "spki", format: "der" });
  return {
    key: readFileSync(key),
    cert: pem,
    spkiSha256: createHash("sha256").update(spki).digest("base64"),
  };
}
