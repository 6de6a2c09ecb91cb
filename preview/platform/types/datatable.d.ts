/** lightning/datatable from lightning-base-components, as the console page's benchmark uses it. */
import type { LightningElement } from 'lwc';
declare const LightningDatatable: typeof LightningElement;
export default LightningDatatable;
