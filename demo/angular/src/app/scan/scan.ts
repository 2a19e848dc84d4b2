import { CUSTOM_ELEMENTS_SCHEMA, Component, signal } from '@angular/core';
import type { IpErrorDetail, IpScanCompleteDetail } from 'intelliprove-widgets';

@Component({
  selector: 'app-scan',
  templateUrl: './scan.html',
  // Lets the template use the kit's <ip-…> elements and bind their properties and events.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
})
export class Scan {
  /** The scanner is in the page only while the user wants it (a fresh plug-in each time). */
  protected readonly scanning = signal(false);
  protected readonly result = signal<IpScanCompleteDetail | null>(null);
  protected readonly error = signal<IpErrorDetail | null>(null);

  protected toggle(): void {
    this.scanning.update((on) => !on);
  }

  // With strictTemplates, `$event` is typed from the kit's HTMLElementTagNameMap and
  // GlobalEventHandlersEventMap declarations: CustomEvent<IpScanCompleteDetail> here.
  protected onScanComplete(event: CustomEvent<IpScanCompleteDetail>): void {
    this.result.set(event.detail);
    this.error.set(null);
  }

  protected onError(event: CustomEvent<IpErrorDetail>): void {
    this.error.set(event.detail);
  }
}
