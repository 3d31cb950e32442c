import Taro from '@tarojs/taro';

/**
 * Saves a text file where the platform lets people take it: a download on H5 (a Blob), a chat
 * file in WeChat (written to the user data folder, then shared). A cancelled share rejects.
 */
export async function saveFile(content: string, fileName: string, type: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    return;
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  Taro.getFileSystemManager().writeFileSync(filePath, content, 'utf8');
  await Taro.shareFileMessage({ filePath, fileName });
}
