export { type ClipFormat, type ClipOptions, ffmpegAvailability, makeTestClip } from './clips.js';
