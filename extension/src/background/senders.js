// Who may send which message. Two kinds of trusted sender, everything else is refused:
//  - "page": the extension's own pages (popup, full page), whose URL starts with our origin;
//  - "content": our content script in the top frame of a tab on one of Meta's https origins, or on a platform's
//    objection form (LinkedIn's), where the form script runs only while the user has that platform enabled.
// Messages from other extensions arrive on onMessageExternal, which the background never listens to.
import { isMetaUrl } from "../shared/meta-domains.js";
import { formPlatformOfUrl } from "../shared/platforms.js";

// extensionOrigin is runtime.getURL(""), e.g. "chrome-extension://<id>/".
export function classifySender(sender, { extensionId, extensionOrigin }) {
  if (!sender || sender.id !== extensionId || typeof sender.url !== "string") return null;
  if (sender.url.startsWith(extensionOrigin)) return "page";
  if (
    sender.tab &&
    Number.isInteger(sender.tab.id) &&
    (sender.frameId ?? 0) === 0 &&
    (isMetaUrl(sender.url) || formPlatformOfUrl(sender.url))
  ) {
    return "content";
  }
  return null;
}
