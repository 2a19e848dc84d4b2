import { Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

// No component `styles`/`styleUrl` anywhere in this app: Angular adds those as <style>
// elements at run time, which a `style-src 'self'` CSP blocks. The look is in src/styles.css.
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  templateUrl: './app.html',
})
export class App {}
