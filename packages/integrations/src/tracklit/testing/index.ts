export {
  type FakeTrackLit,
  type FakeTrackLitMode,
  type FakeTrackLitRequest,
  refusedUrl,
  startFakeTrackLit,
} from './fake-tracklit-server.js';
