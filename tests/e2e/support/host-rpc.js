// Talks to the real host the way a browser does (framed JSON-RPC on stdin/stdout, the caller's origin as
// first argument), for a test's set-up only: saving the user's profile before the browser starts.
import { spawn } from "node:child_process";
import { chromiumExtensionId } from "./extension-id.js";
import { paths } from "./paths.js";

export function callHost(sandbox, method, params = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(paths.host, [`chrome-extension://${chromiumExtensionId()}/`], { env: sandbox.env });
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }));
    const header = Buffer.alloc(4);
    header.writeUInt32LE(body.length); // native order on every machine these tests run on
    let out = Buffer.alloc(0);
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the host did not answer ${method}`));
    }, 10_000);
    child.stdout.on("data", (chunk) => {
      out = Buffer.concat([out, chunk]);
      if (out.length < 4 || out.length < 4 + out.readUInt32LE(0)) return;
      clearTimeout(timer);
      child.stdin.end();
      const answer = JSON.parse(out.subarray(4, 4 + out.readUInt32LE(0)).toString("utf8"));
      if (answer.error) reject(new Error(`${method}: ${answer.error.message}`));
      else resolve(answer.result);
    });
    child.on("error", reject);
    child.stdin.write(Buffer.concat([header, body]));
  });
}
