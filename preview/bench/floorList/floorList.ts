/**
 * The floor the session list's render is measured against (npm run bench): the same fields as
 * the list, in a plain LWC for:each, with no base components and no formatting. What the list
 * takes above this is its own work (badges, icons, formatted times, row actions).
 */
import { LightningElement, api } from 'lwc';

export default class FloorList extends LightningElement {
    @api rows: Array<Record<string, unknown>> = [];
}
