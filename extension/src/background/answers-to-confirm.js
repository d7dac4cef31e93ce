// Answers that Meta showed after the user's send in a wording no rule knows: kept by the host as evidence with the
// verdict "unknown", and listed here until the user says, in the popup, whether each is Meta's answer (kept) or
// not (deleted through the host, which leaves a trace of the deletion). Kept in storage.local.
const KEY = "answersToConfirm";
const MAX_ITEMS = 20;

export class AnswersToConfirm {
  constructor({ storage, host }) {
    this.storage = storage;
    this.host = host;
  }

  async list() {
    return (await this.storage.get(KEY))[KEY] ?? [];
  }

  async add(answer) {
    const items = (await this.list()).filter((item) => item.id !== answer.id);
    await this.storage.set({ [KEY]: [answer, ...items].slice(0, MAX_ITEMS) });
  }

  // The user's word on one answer: Meta's (kept as it is) or not (deleted).
  async settle(id, isMetaAnswer) {
    const items = await this.list();
    if (!items.some((item) => item.id === id)) throw new Error("No such answer waits for your word");
    if (!isMetaAnswer) await this.host.call("confirmation.delete", { id });
    await this.storage.set({ [KEY]: items.filter((item) => item.id !== id) });
    return { kept: isMetaAnswer };
  }
}
