export {
  createFrameExtractor,
  evenlySpaced,
  FrameExtractionError,
  type FrameExtractor,
  type FrameExtractorOptions,
  type FrameFailure,
  parseDuration,
} from './ffmpeg-frames.js';
