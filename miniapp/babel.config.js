// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// hot: false: React fast refresh needs react-refresh, which is not installed (H5 dev reloads the page).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', hot: false }]],
};
