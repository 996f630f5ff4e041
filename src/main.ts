import './app/tts-app.ts';
