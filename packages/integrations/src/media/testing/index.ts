export { type ClipFormat, type ClipOptions, makeTestClip } from './clips.js';
