import './styles/tokens.css';
import './styles/document.css';
import './app/tts-app.ts';
