/** The QingCloud API block at the top of vars.yml (`##config`) and the QingCloud LB plugin. */
import { SHOULD_BE_REPLACED } from './placeholders';
import { fieldEntry } from './types';
import { type VarsLine } from './layout';

export const QINGCLOUD_LINES = [
  fieldEntry('qingcloud.accessKeyId', {
    label: 'QingCloud access key ID',
    kind: 'string',
    keys: { '2.0.2': 'qingcloud_access_key_id' },
    default: '',
    emptyToken: 'ACCESS_KEY_ID',
    comment: [
      '##config',
      '# QingCloud API access, used by QingCloud CSI (block storage) and the QingCloud LB plugin.',
      '# Create the key pair in the QingCloud console; the zone is e.g. pek3a, sh1a, gd2a or ap2a.',
    ],
    form: { group: 'qingcloud-api' },
  }),
  fieldEntry('qingcloud.secretAccessKey', {
    label: 'QingCloud secret access key',
    kind: 'secret',
    keys: { '2.0.2': 'qingcloud_secret_access_key' },
    emptyToken: 'ACCESS_KEY_SECRET',
    form: { group: 'qingcloud-api' },
  }),
  fieldEntry('qingcloud.zone', {
    label: 'QingCloud zone',
    kind: 'string',
    keys: { '2.0.2': 'qingcloud_zone' },
    default: '',
    emptyToken: 'ZONE',
    form: { group: 'qingcloud-api', placeholder: 'pek3a' },
  }),
  fieldEntry('qingcloud.host', {
    label: 'QingCloud API host',
    kind: 'string',
    keys: { '2.0.2': 'qingcloud_host' },
    default: 'api.qingcloud.com',
    comment: ['# API endpoint; change it only for a private QingCloud.'],
    form: { group: 'qingcloud-api', description: 'Change only for a private QingCloud' },
  }),
  fieldEntry('qingcloud.port', {
    label: 'QingCloud API port',
    kind: 'int',
    keys: { '2.0.2': 'qingcloud_port' },
    default: 443,
    form: { group: 'qingcloud-api', min: 1, max: 65535 },
  }),
  fieldEntry('qingcloud.protocol', {
    label: 'QingCloud API protocol',
    kind: 'string',
    keys: { '2.0.2': 'qingcloud_protocol' },
    default: 'https',
    form: { group: 'qingcloud-api' },
  }),
  fieldEntry('qingcloud.uri', {
    label: 'QingCloud API URI',
    kind: 'string',
    keys: { '2.0.2': 'qingcloud_uri' },
    default: '/iaas',
    form: { group: 'qingcloud-api' },
  }),
  fieldEntry('qingcloud.connectionRetries', {
    label: 'QingCloud API connection retries',
    kind: 'int',
    keys: { '2.0.2': 'qingcloud_connection_retries' },
    default: 3,
    comment: ['# API client retries, and timeout in seconds'],
    form: { group: 'qingcloud-api' },
  }),
  fieldEntry('qingcloud.connectionTimeout', {
    label: 'QingCloud API connection timeout',
    kind: 'int',
    keys: { '2.0.2': 'qingcloud_connection_timeout' },
    default: 30,
    form: { group: 'qingcloud-api', description: 'In seconds' },
  }),
  fieldEntry('qingcloud.lbEnabled', {
    label: 'QingCloud LB plugin',
    kind: 'bool',
    keys: { '2.0.2': 'qingcloud_lb_enable', '2.1': 'qingcloud_lb_enabled' },
    default: false,
    comment: ['', '# QingCloud LB plugin: cloud controller for Services of type LoadBalancer (multi-node only)'],
    form: { group: false },
  }),
  fieldEntry('qingcloud.vxnetId', {
    label: 'QingCloud VxNet ID',
    kind: 'string',
    keys: { '2.0.2': 'qingcloud_vxnet_id' },
    default: '',
    emptyToken: SHOULD_BE_REPLACED,
    comment: ['# VxNet for load balancers with a private-network IP (optional)'],
    form: { group: 'qingcloud-api', description: 'Optional: private network for LB IPs' },
  }),
] as const satisfies readonly VarsLine[];
