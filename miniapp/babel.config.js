// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// framework: 'preact' as in config/index.ts (JSX compiles to react/jsx-runtime, aliased to Preact's).
// hot: false: Preact fast refresh needs @prefresh/babel-plugin, which is not installed (H5 dev reloads the page).
module.exports = {
  presets: [['taro', { framework: 'preact', ts: true, compiler: 'webpack5', hot: false }]],
};
