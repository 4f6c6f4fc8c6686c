// What Objector's background thinks a tab shows (getTabState, the popup's own question). Asked from
// one of the extension's pages, which is what the popup does when a person opens it.
export async function tabStateOf(extensionPage, url) {
  return extensionPage.evaluate(async (u) => {
    const api = globalThis.browser || globalThis.chrome;
    const tab = (await api.tabs.query({})).find((t) => t.url === u);
    if (!tab) return { error: `no tab shows ${u}` };
    const reply = await api.runtime.sendMessage({ type: "getTabState", tabId: tab.id });
    return reply && reply.ok ? reply.result : { error: JSON.stringify(reply) };
  }, url);
}
