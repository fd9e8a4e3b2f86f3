// Convene's Cockpit configuration (replaces the webjar's scripts/config.js).
export default {
  app: {
    name: 'Cockpit',
    vendor: 'Convene'
  },
  // the managers' Meetings dashboard on Cockpit's start page (meetings.js, fed by GET /api/meetings)
  customScripts: ['scripts/meetings.js']
};
