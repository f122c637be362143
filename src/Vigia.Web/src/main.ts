import { App } from './app';
import './styles.css';

const root = document.getElementById('app');
if (root) {
  const app = new App(root);
  (window as unknown as { vigia: unknown }).vigia = app.hooks;
  app.start();
}
