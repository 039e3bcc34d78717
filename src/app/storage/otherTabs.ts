// What other tabs say about the design this tab is editing: written there (this tab's next edit is kept as a copy,
// and the user may load theirs), or deleted there (the design stays on this canvas and is kept as a new one).
import { bindTo, changed, notify, type Tab, type TabMessage } from './tab'

/** Hears one message from another tab; `open` loads a stored design into this tab (the notice's action). */
export function hearOtherTab(t: Tab, data: TabMessage | undefined, open: (id: string) => unknown) {
  if (!data || data.from === t.deps.tabId) return
  changed(t)
  const bound = t.binding.bound
  if (!bound) return
  if (data.kind === 'saved' && data.id === bound.id && data.rev !== bound.rev) {
    t.binding.stale = true
    const id = bound.id
    const name = t.stores.design.getState().design.name
    notify(t, {
      tone: 'info',
      lines: [
        `"${name}" was changed in another tab.`,
        'If you edit it here too, your changes are kept as a separate copy: neither tab loses work.',
      ],
      actions: [{ label: 'Load the other tab’s version', run: () => void open(id) }],
    })
  }
  if (data.kind === 'removed' && data.id === bound.id) {
    // the next save keeps this tab's design as a new stored design
    bindTo(t, t.binding, null)
    notify(t, {
      tone: 'info',
      lines: [
        `"${t.stores.design.getState().design.name}" was deleted in another tab.`,
        'The design stays on this canvas; your next edit keeps it as a new design.',
      ],
    })
  }
}
