import { createRoot } from 'react-dom/client';
import { Root } from './app/root';
import { TokenScreen } from './app/token-screen';
import { forgetToken } from './transport/token';
import { selectTransport } from './transport/select-transport';
import './styles/theme.css';
import './styles/base.css';

const env = { location: window.location, history: window.history, storage: window.sessionStorage };
const choice = selectTransport(window, env);
const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    choice.ok ? (
      <Root transport={choice.transport} onUnauthorized={() => forgetToken(env)} />
    ) : (
      <TokenScreen reason="missing" />
    ),
  );
}
