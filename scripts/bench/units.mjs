// How the bench's tables write sizes, ratios and times.

export const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
export const times = (value) => `${value.toFixed(2)}x`;
export const ms = (value) => `${value.toFixed(1)} ms`;
