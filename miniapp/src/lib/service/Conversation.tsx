import { Text, View } from '@tarojs/components';
import type { ConsultationMessage } from '@citycare/contract';
import { cityMonthDayTime } from '@citycare/contract/src/common';
import './service.css';

const strings = { resident: '居民', centre: '服务中心' };

/**
 * A consultation's conversation: the resident's lines on the right, the centre's on the left,
 * what happened (handed over, closed, reopened) as small centred lines. `mine`: who reads it.
 */
export default function Conversation({
  messages,
  mine,
}: {
  messages: readonly ConsultationMessage[];
  mine: 'resident' | 'centre';
}) {
  return (
    <View className="talk">
      {messages.map((m, i) =>
        m.from === 'event' ? (
          <Text key={i} className="talk__event">
            {cityMonthDayTime(m.at)} {m.text}
          </Text>
        ) : (
          <View key={i} className={`talk__line talk__line--${m.from === mine ? 'mine' : 'theirs'}`}>
            <Text className="talk__who">
              {strings[m.from]} · {cityMonthDayTime(m.at)}
            </Text>
            <Text className={`talk__bubble talk__bubble--${m.from}`}>{m.text}</Text>
          </View>
        ),
      )}
    </View>
  );
}
