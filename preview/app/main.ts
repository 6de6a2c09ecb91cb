/**
 * The console page of the local preview: a Service Console-like frame (global header, app nav,
 * workspace tabs, utility bar) that places the project's real components where a Lightning
 * console app would, and provides what they need from the console: workspace tabs for records,
 * toasts, the message service and navigation (see preview/platform).
 */
import { createElement, type LightningElement } from 'lwc';
import LightningDatatable from 'lightning/datatable';
import FloorList from '../bench/floorList/floorList';
import { setHost, type WorkspaceTab } from '../platform/host';
import { publish, createMessageContext } from '../platform/messageService';
import { refreshRecords } from '../platform/lds/transport';
// The FlexiPages, read by the server (preview/layout.ts).
import type { ConsoleLayout, PageLayout, PlacedComponent } from '../layout';

type Ctor = typeof LightningElement;

interface PreviewConfig {
    userId?: string | null;
    userName?: string | null;
    mode?: string;
    sessions?: number;
    layout?: ConsoleLayout;
}

declare global {
    interface Window {
        __PREVIEW_CONFIG__?: PreviewConfig;
        __PREVIEW__?: Record<string, unknown>;
        __PREVIEW_ERRORS__?: string[];
    }
}

function tagOf(name: string): string {
    return `c-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs: Record<string, string> = {},
    children: Array<Node | string> = []
): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
        if (key === 'text') node.textContent = value;
        else node.setAttribute(key, value);
    }
    for (const child of children) node.append(child);
    return node;
}

function placeholder(name: string, title: string): HTMLElement {
    return el(
        'article',
        { class: 'slds-card preview-placeholder', 'data-placeholder': name },
        [
            el(
                'div',
                {
                    class: 'slds-card__body slds-card__body_inner slds-p-vertical_large slds-text-align_center'
                },
                [
                    el('p', { class: 'slds-text-heading_small', text: title }),
                    el('p', {
                        class: 'slds-text-color_weak slds-m-top_x-small',
                        text: `c/${name} is not in force-app yet.`
                    })
                ]
            )
        ]
    );
}

/** A labelled stand-in for one of Salesforce's own components, which run only in an org. */
function standIn(item: PlacedComponent): HTMLElement {
    const details = Object.entries(item.props)
        .map(([key, value]) => `${key}: ${String(value)}`)
        .join(', ');
    return el(
        'article',
        {
            class: 'slds-card preview-stand-in',
            'data-stand-in': item.name
        },
        [
            el('div', { class: 'slds-card__body slds-card__body_inner' }, [
                el('p', {
                    class: 'slds-text-title_caps slds-m-bottom_xx-small',
                    text: 'Salesforce component: runs in an org'
                }),
                el('p', {
                    class: 'slds-text-heading_small',
                    text: item.standIn ?? item.name
                }),
                el('p', {
                    class: 'slds-text-color_weak slds-text-body_small',
                    text: details ? `${item.name} (${details})` : item.name
                })
            ])
        ]
    );
}

/** A page of the app's navigation, shown as a pinned tab: the agent home, the supervisor home. */
interface PinnedPage {
    id: string;
    title: string;
    /** Places the page's components the first time its tab is shown. */
    render?: () => void;
}

/** Workspace tabs: the pinned home pages plus one tab per opened record. */
class Workspace {
    private readonly tabs: WorkspaceTab[] = [];
    private focused = 'home';
    private seq = 0;
    private readonly rendered = new Set<string>();

    constructor(
        private readonly components: Record<string, Ctor>,
        private readonly recordPage: PageLayout,
        private readonly tabBar: HTMLElement,
        private readonly panels: HTMLElement,
        private readonly pinned: PinnedPage[]
    ) {}

    private isPinned(tabId: string): boolean {
        return this.pinned.some((page) => page.id === tabId);
    }

    list(): WorkspaceTab[] {
        return this.tabs.map((t) => ({
            ...t,
            focused: t.tabId === this.focused
        }));
    }

    /** Pinned pages are navigation items, not workspace tabs. */
    focusedTabId(): string | null {
        return this.isPinned(this.focused) ? null : this.focused;
    }

    openRecord(
        recordId: string,
        options: {
            focus?: boolean;
            label?: string;
            parentTabId?: string | null;
        }
    ): Promise<string> {
        const existing = this.tabs.find((t) => t.recordId === recordId);
        if (existing) {
            if (options.focus !== false) this.focus(existing.tabId);
            return Promise.resolve(existing.tabId);
        }
        const tabId = `ctab${++this.seq}`;
        const title = options.label || `Session ${recordId.slice(-6)}`;
        const tab: WorkspaceTab = {
            tabId,
            parentTabId: options.parentTabId ?? null,
            recordId,
            title,
            url: `/lightning/r/MessagingSession/${recordId}/view`,
            pageReference: {
                type: 'standard__recordPage',
                attributes: {
                    recordId,
                    objectApiName: 'MessagingSession',
                    actionName: 'view'
                },
                state: {}
            },
            focused: false,
            subtabs: [],
            isSubtab: !!options.parentTabId
        };
        this.tabs.push(tab);
        const panel = el('section', {
            class: 'slds-tabs_default__content slds-hide preview-record-page',
            id: `panel-${tabId}`,
            role: 'tabpanel',
            'data-record-id': recordId,
            'aria-labelledby': `tab-${tabId}`
        });
        // MSC_Messaging_Session_Record_Page (flexipage:recordHomeTemplateDesktop): main | sidebar.
        const grid = el('div', {
            class: 'slds-grid slds-wrap slds-gutters_x-small'
        });
        const sizes: Record<string, string> = {
            header: '1-of-1',
            main: '8-of-12',
            sidebar: '4-of-12'
        };
        for (const [region, placed] of Object.entries(
            this.recordPage.regions
        )) {
            const col = el('div', {
                class: `slds-col slds-size_1-of-1 slds-large-size_${sizes[region] ?? '1-of-1'} preview-region`,
                'data-region': region
            });
            // Tabs are shown one under the other, each under its title, so every tab can be seen at once.
            let tab: string | undefined;
            for (const item of placed) {
                if (item.tab && item.tab !== tab) {
                    col.append(
                        el('h3', {
                            class: 'slds-text-heading_small slds-m-vertical_x-small preview-tab-title',
                            'data-tab': item.tab,
                            text: `${item.tab} tab`
                        })
                    );
                }
                tab = item.tab;
                col.append(
                    mount(item, this.components[item.name], {
                        recordId,
                        objectApiName: 'MessagingSession'
                    })
                );
            }
            grid.append(col);
        }
        panel.append(grid);
        this.panels.append(panel);
        this.renderTabs();
        if (options.focus !== false) this.focus(tabId);
        return Promise.resolve(tabId);
    }

    focus(tabId: string): Promise<void> {
        this.focused = tabId;
        const page = this.pinned.find((candidate) => candidate.id === tabId);
        if (page?.render && !this.rendered.has(tabId)) {
            this.rendered.add(tabId);
            page.render();
        }
        for (const panel of Array.from(this.panels.children)) {
            panel.classList.toggle('slds-hide', panel.id !== `panel-${tabId}`);
            panel.classList.toggle('slds-show', panel.id === `panel-${tabId}`);
        }
        this.renderTabs();
        return Promise.resolve();
    }

    close(tabId: string): Promise<void> {
        const index = this.tabs.findIndex((t) => t.tabId === tabId);
        if (index < 0) return Promise.resolve();
        this.tabs.splice(index, 1);
        document.getElementById(`panel-${tabId}`)?.remove();
        if (this.focused === tabId)
            return this.focus(this.tabs[index - 1]?.tabId ?? 'home');
        this.renderTabs();
        return Promise.resolve();
    }

    async refresh(tabId: string): Promise<void> {
        const tab = this.tabs.find((t) => t.tabId === tabId);
        if (tab?.recordId) await refreshRecords([tab.recordId]);
    }

    setLabel(tabId: string, label: string): Promise<void> {
        const tab = this.tabs.find((t) => t.tabId === tabId);
        if (tab) tab.title = label;
        this.renderTabs();
        return Promise.resolve();
    }

    renderTabs(): void {
        const items: HTMLElement[] = [];
        const tabItem = (
            id: string,
            title: string,
            closable: boolean
        ): HTMLElement => {
            const active = this.focused === id;
            const link = el('a', {
                class: 'slds-tabs_default__link',
                href: '#',
                role: 'tab',
                id: `tab-${id}`,
                'aria-selected': String(active),
                'aria-controls': `panel-${id}`,
                tabindex: active ? '0' : '-1',
                title,
                text: title
            });
            link.addEventListener('click', (event) => {
                event.preventDefault();
                void this.focus(id);
            });
            const li = el(
                'li',
                {
                    class: `slds-tabs_default__item${active ? ' slds-is-active' : ''}`,
                    role: 'presentation',
                    'data-tab-id': id
                },
                [link]
            );
            if (closable) {
                const close = el('button', {
                    class: 'slds-button slds-button_icon slds-button_icon-small preview-tab-close',
                    title: `Close ${title}`,
                    'aria-label': `Close ${title}`,
                    text: '×'
                });
                close.addEventListener('click', () => void this.close(id));
                li.append(close);
            }
            return li;
        };
        for (const page of this.pinned)
            items.push(tabItem(page.id, page.title, false));
        for (const tab of this.tabs)
            items.push(tabItem(tab.tabId, tab.title, true));
        this.tabBar.replaceChildren(...items);
    }
}

function showToast(
    container: HTMLElement,
    detail: {
        title?: string;
        message?: string;
        variant?: string;
        mode?: string;
    }
): void {
    const variant = ['success', 'warning', 'error', 'info'].includes(
        detail.variant ?? ''
    )
        ? (detail.variant as string)
        : 'info';
    const toast = el(
        'div',
        {
            class: `slds-notify slds-notify_toast slds-theme_${variant}`,
            role: 'status',
            'data-variant': variant
        },
        [
            el('span', { class: 'slds-assistive-text', text: variant }),
            el('div', { class: 'slds-notify__content' }, [
                el('h2', {
                    class: 'slds-text-heading_small',
                    text: detail.title ?? ''
                }),
                el('p', { text: detail.message ?? '' })
            ])
        ]
    );
    const close = el('button', {
        class: 'slds-button slds-button_icon slds-notify__close slds-button_icon-inverse',
        title: 'Close',
        text: '×'
    });
    close.addEventListener('click', () => toast.remove());
    toast.append(close);
    container.append(toast);
    if (detail.mode !== 'sticky')
        setTimeout(() => toast.remove(), variant === 'error' ? 10000 : 4000);
}

/** Creates a component with its App Builder properties (and the record context on record pages). */
function mount(
    item: PlacedComponent,
    ctor: Ctor | undefined,
    context: Record<string, unknown> = {}
): HTMLElement {
    if (item.standIn !== undefined) return standIn(item);
    if (!ctor) return placeholder(item.name, item.name);
    const node = createElement(tagOf(item.name), { is: ctor }) as HTMLElement &
        Record<string, unknown>;
    for (const [key, value] of Object.entries({ ...item.props, ...context }))
        node[key] = value;
    node.setAttribute('data-component', item.name);
    if (item.previewAddition)
        node.setAttribute('data-preview-addition', 'true');
    return node;
}

const EMPTY_PAGE: PageLayout = { page: '', template: '', regions: {} };

/** The columns of flexipage:appHomeTemplateThreeColumns, as index.html lays out the agent home. */
const HOME_COLUMNS: ReadonlyArray<[string, string]> = [
    ['region1', '5-of-12'],
    ['region2', '4-of-12'],
    ['region3', '3-of-12']
];

/** A hidden tab panel holding an app page on the three-column home template. */
function homePanel(id: string, page: PageLayout): HTMLElement {
    const grid = el('div', {
        class: 'slds-grid slds-wrap slds-gutters_x-small'
    });
    for (const [region, size] of HOME_COLUMNS)
        grid.append(
            el('div', {
                class: `slds-col slds-size_1-of-1 slds-large-size_${size} preview-region`,
                'data-region': region
            })
        );
    return el(
        'section',
        {
            class: 'slds-tabs_default__content slds-hide',
            id: `panel-${id}`,
            role: 'tabpanel',
            'aria-labelledby': `tab-${id}`,
            'data-page': page.page
        },
        [grid]
    );
}

/** Places each component of a home page in its region of the panel, with its App Builder properties. */
function renderHomePage(
    panel: ParentNode,
    page: PageLayout,
    components: Record<string, Ctor>
): void {
    for (const [region, placed] of Object.entries(page.regions)) {
        const column =
            panel.querySelector(`[data-region="${region}"]`) ??
            panel.querySelector('[data-region="region3"]');
        for (const item of placed)
            column?.append(mount(item, components[item.name]));
    }
}

function renderUtilityBar(
    components: Record<string, Ctor>,
    utility: PageLayout
): void {
    const bar = document.getElementById('utility-items') as HTMLElement;
    const panels = document.getElementById('utility-panels') as HTMLElement;
    const items = utility.regions.utilityItems ?? [];
    items.forEach((item, i) => {
        const label = String(item.utility?.label ?? item.name);
        const panelId = `utility-panel-${i}`;
        const panel = el('div', {
            class: 'preview-utility-panel slds-utility-panel slds-grid slds-grid_vertical',
            id: panelId,
            role: 'dialog',
            'aria-label': label,
            'data-utility': item.name
        });
        panel.style.width = `${Number(item.utility?.width ?? 400)}px`;
        panel.style.height = `${Number(item.utility?.height ?? 480)}px`;
        const minimize = el('button', {
            class: 'slds-button slds-button_icon slds-col_bump-left',
            title: 'Minimize',
            'aria-label': `Minimize ${label}`,
            text: '_'
        });
        panel.append(
            el(
                'div',
                {
                    class: 'slds-utility-panel__header slds-grid slds-shrink-none slds-grid_vertical-align-center'
                },
                [
                    el('h2', { class: 'slds-text-heading_small', text: label }),
                    minimize
                ]
            ),
            el('div', { class: 'slds-utility-panel__body slds-p-around_small' })
        );
        panels.append(panel);
        const body = panel.lastElementChild as HTMLElement;
        let mounted = false;
        const ensure = (): void => {
            if (mounted) return;
            mounted = true;
            body.append(mount(item, components[item.name]));
        };
        if (item.utility?.eager === true) ensure();
        const button = el(
            'button',
            {
                class: 'slds-button slds-utility-bar__action',
                'aria-pressed': 'false',
                'aria-controls': panelId,
                'data-utility-button': item.name
            },
            [el('span', { class: 'slds-utility-bar__text', text: label })]
        );
        const toggle = (open: boolean): void => {
            document
                .querySelectorAll('.preview-utility-panel.slds-is-open')
                .forEach(
                    (p) =>
                        p.id !== panelId && p.classList.remove('slds-is-open')
                );
            document
                .querySelectorAll('[data-utility-button]')
                .forEach(
                    (b) =>
                        b !== button && b.setAttribute('aria-pressed', 'false')
                );
            if (open) ensure();
            panel.classList.toggle('slds-is-open', open);
            button.setAttribute('aria-pressed', String(open));
        };
        button.addEventListener('click', () =>
            toggle(!panel.classList.contains('slds-is-open'))
        );
        minimize.addEventListener('click', () => toggle(false));
        bar.append(el('li', { class: 'slds-utility-bar__item' }, [button]));
    });
}

export function start(
    components: Record<string, Ctor>,
    modules: Record<string, unknown> = {}
): void {
    const config = window.__PREVIEW_CONFIG__ ?? {};
    window.__PREVIEW_ERRORS__ = [];
    window.addEventListener('error', (event) =>
        window.__PREVIEW_ERRORS__?.push(String(event.message))
    );
    window.addEventListener('unhandledrejection', (event) => {
        const reason = event.reason as { message?: string } | undefined;
        window.__PREVIEW_ERRORS__?.push(
            String(reason?.message ?? JSON.stringify(reason))
        );
    });

    const tabBar = document.getElementById('workspace-tabs') as HTMLElement;
    const panels = document.getElementById('workspace-panels') as HTMLElement;
    const toasts = document.getElementById('toasts') as HTMLElement;
    const layout: ConsoleLayout = config.layout ?? {
        home: EMPTY_PAGE,
        supervisorHome: EMPTY_PAGE,
        record: EMPTY_PAGE,
        utility: EMPTY_PAGE
    };
    const pinned: PinnedPage[] = [
        { id: 'home', title: 'Messaging Console Home' }
    ];
    // MSC_Messaging_Supervisor_Home: its own tab, placed when first opened (as a navigation item
    // loads its page), so the agent home's requests stay what they were.
    const supervisorHome = layout.supervisorHome ?? EMPTY_PAGE;
    if (Object.keys(supervisorHome.regions).length) {
        const panel = homePanel('supervisor-home', supervisorHome);
        panels.append(panel);
        pinned.push({
            id: 'supervisor-home',
            title: 'Supervisor Home',
            render: () => renderHomePage(panel, supervisorHome, components)
        });
    }
    const workspace = new Workspace(
        components,
        layout.record,
        tabBar,
        panels,
        pinned
    );
    workspace.renderTabs();

    setHost({
        openRecord: (recordId, options) =>
            workspace.openRecord(recordId, options),
        focusTab: (tabId) => workspace.focus(tabId),
        closeTab: (tabId) => workspace.close(tabId),
        refreshTab: (tabId) => workspace.refresh(tabId),
        setTabLabel: (tabId, label) => workspace.setLabel(tabId, label),
        tabs: () => workspace.list(),
        focusedTabId: () => workspace.focusedTabId(),
        toast: (detail) => showToast(toasts, detail)
    });
    document.addEventListener('lightning__showtoast', (event) =>
        showToast(toasts, (event as CustomEvent).detail)
    );
    document.addEventListener('lightning__refresh', () => {
        void refreshRecords([]);
    });

    // The home page: MSC_Messaging_Console_Home's regions, each component with its App Builder properties.
    const homePanelNode = document.getElementById('panel-home') ?? document;
    renderHomePage(homePanelNode, layout.home, components);
    // Components that no page places yet go to the end of the last column.
    const placedNames = new Set(
        [layout.home, supervisorHome, layout.record, layout.utility].flatMap(
            (page) =>
                Object.values(page.regions)
                    .flat()
                    .map((c) => c.name)
        )
    );
    const extra = homePanelNode.querySelector('[data-region="region3"]');
    for (const [name, ctor] of Object.entries(components)) {
        if (!placedNames.has(name))
            extra?.append(
                mount({ name, props: {}, previewAddition: true }, ctor)
            );
    }
    renderUtilityBar(components, layout.utility);

    const user = document.getElementById('user-name');
    if (user) user.textContent = config.userName ?? 'Agent';
    const badge = document.getElementById('mode-badge');
    if (badge && config.mode === 'org') badge.textContent = 'Org data';

    // Hooks for the e2e tests and the benchmark.
    const context = createMessageContext();
    window.__PREVIEW__ = {
        components: Object.keys(components),
        modules: Object.keys(modules),
        openRecord: (recordId: string) =>
            workspace.openRecord(recordId, { focus: true }),
        focusHome: () => workspace.focus('home'),
        /** Mounts a component into the (off-screen) bench area. */
        mount: (
            name: string,
            props: Record<string, string | number | boolean> = {}
        ) => {
            const area = document.getElementById('bench-area') as HTMLElement;
            area.replaceChildren(mount({ name, props }, components[name]));
        },
        publish: (channelName: string, message: Record<string, unknown>) =>
            publish(context, { channelName }, message),
        /** Renders a bare lightning-datatable with the given rows; resolves with the ms until the rows are in the DOM. */
        renderBareTable: (
            columns: unknown[],
            rows: Array<Record<string, unknown>>
        ) => renderBareTable(columns, rows),
        /** Renders the same rows in a plain for:each (the bench's floor); resolves like renderBareTable. */
        renderFloorList: (rows: Array<Record<string, unknown>>) =>
            renderFloorList(rows)
    };
    document.body.setAttribute('data-preview-ready', 'true');
}

function renderFloorList(
    rows: Array<Record<string, unknown>>
): Promise<number> {
    const host = document.getElementById('bench-area') as HTMLElement;
    host.replaceChildren();
    const started = performance.now();
    const list = createElement('preview-floor-list', { is: FloorList });
    list.rows = rows;
    host.append(list);
    return new Promise((resolve) => {
        const check = (): void => {
            const root = (list.shadowRoot ?? list) as ParentNode;
            if (root.querySelectorAll('li').length >= rows.length)
                resolve(performance.now() - started);
            else requestAnimationFrame(check);
        };
        check();
    });
}

function renderBareTable(
    columns: unknown[],
    rows: Array<Record<string, unknown>>
): Promise<number> {
    const host = document.getElementById('bench-area') as HTMLElement;
    host.replaceChildren();
    const started = performance.now();
    const table = createElement('lightning-datatable', {
        is: LightningDatatable
    }) as HTMLElement & Record<string, unknown>;
    table.keyField = 'Id';
    table.columns = columns;
    table.data = rows;
    table.hideCheckboxColumn = true;
    host.append(table);
    return new Promise((resolve) => {
        const check = (): void => {
            const root = (table.shadowRoot ?? table) as ParentNode;
            if (root.querySelectorAll('tbody tr').length >= rows.length)
                resolve(performance.now() - started);
            else requestAnimationFrame(check);
        };
        check();
    });
}
